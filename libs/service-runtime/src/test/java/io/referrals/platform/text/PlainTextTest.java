package io.referrals.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void ordinaryTextInAnyScriptIsAccepted() {
        for (String text : new String[] {
            "Dana Lee",
            "Zoë O'Brien-Łukasz",
            "محمد",
            "שלום",
            "山田 太郎",
            "emoji 🙂 and 👩🏽‍⚕️",
            "a\u200db",
            "x\u200ey",
            ""
        }) {
            assertEquals(Optional.empty(), PlainText.refusal(text, false), text);
        }
        assertEquals(Optional.empty(), PlainText.refusal(null, false));
    }

    @Test
    void controlCharactersAreRefusedNamingTheCharacterAndWhereItStands() {
        assertEquals(
                Optional.of("must not contain a control character (U+0000 at character 5)"),
                PlainText.refusal("Dana\u0000Lee", false));
        for (char c : new char[] {0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f}) {
            assertTrue(PlainText.refusal("a" + c, true).isPresent(), Integer.toHexString(c));
            assertTrue(PlainText.refusal("a" + c, false).isPresent(), Integer.toHexString(c));
        }
    }

    @Test
    void tabsAndLineBreaksOnlyWhereAFieldIsSeveralLines() {
        for (String text : new String[] {"one\ntwo", "one\r\ntwo", "col\tcol"}) {
            assertEquals(Optional.empty(), PlainText.refusal(text, true), text);
            assertTrue(PlainText.refusal(text, false).orElseThrow().contains("this field is one line"), text);
        }
    }

    @Test
    void bidirectionalOverridesEmbeddingsAndIsolatesAreRefused() {
        for (char c = '\u202a'; c <= '\u202e'; c++) {
            assertTrue(PlainText.refusal("invoice" + c + "fdp.exe", true)
                    .orElseThrow()
                    .contains("bidirectional"));
        }
        for (char c = '\u2066'; c <= '\u2069'; c++) {
            assertTrue(PlainText.refusal("x" + c, true).isPresent());
        }
    }

    @Test
    void loneSurrogatesAreRefusedAndPairsAccepted() {
        assertTrue(PlainText.refusal("a\ud83d", false).orElseThrow().contains("lone surrogate"));
        assertTrue(PlainText.refusal("\ude42b", false).orElseThrow().contains("lone surrogate"));
        assertEquals(Optional.empty(), PlainText.refusal("\ud83d\ude42", false));
    }
}
