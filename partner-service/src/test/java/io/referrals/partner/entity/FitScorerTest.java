package io.referrals.partner.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.PartnerCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitScorerTest {
    private static final List<String> PRACTICE = List.of("Couples", "career change", "new managers");

    @Test
    void scoresTheShareOfTheIdealNichesThePartnerServes() {
        var fit =
                FitScorer.score(PRACTICE, List.of("career change", " couples ", "teens"), PartnerCategory.PROFESSIONAL);
        assertEquals(67, fit.score());
        assertEquals(
                "Serves 2 of your 3 niches: couples, career change",
                fit.reasons().get(0));
    }

    @Test
    void aCompetitorFitsForOverflowOnly() {
        var fit = FitScorer.score(PRACTICE, PRACTICE, PartnerCategory.COMPETITOR);
        assertEquals(FitScorer.COMPETITOR_CAP, fit.score());
        assertTrue(fit.reasons().get(1).contains("overflow"));
    }

    @Test
    void unknownNichesScoreZeroAndAnUndescribedPracticeScoresNothing() {
        assertEquals(
                0, FitScorer.score(PRACTICE, List.of(), PartnerCategory.CLIENT).score());
        assertNull(FitScorer.score(List.of(), List.of("couples"), PartnerCategory.CLIENT)
                .score());
    }
}
