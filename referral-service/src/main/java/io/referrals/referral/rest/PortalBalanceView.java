package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.Money;
import io.referrals.referral.service.portal.PortalBalance;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalBalance",
        description = "The exchange between the signed-in partner and the practice, both ways. Counts and sums hold "
                + "only what the portal shows the partner elsewhere: a conversion or fee of a referral whose person "
                + "did not allow the outcome to be shared is not counted.")
public record PortalBalanceView(
        @Schema(description = "Referrals from the partner that the practice stands behind", example = "5")
        long referralsFromYou,

        @Schema(description = "Referrals the practice gave the partner", example = "3")
        long referralsToYou,

        @Schema(description = "Referrals from the partner who became clients, as far as consent tells", example = "2")
        long convertedFromYou,

        @Schema(description = "Fees owed to the partner, per currency")
        List<Amount> owed,

        @Schema(description = "Fees paid to the partner, per currency")
        List<Amount> paid) {

    @Schema(name = "PortalAmount")
    public record Amount(
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "300.00")
            BigDecimal amount,

            @Schema(example = "USD") String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount(), money.currency());
        }
    }

    public static PortalBalanceView of(PortalBalance balance) {
        return new PortalBalanceView(
                balance.referralsFromYou(),
                balance.referralsToYou(),
                balance.convertedFromYou(),
                balance.owed().stream().map(Amount::of).toList(),
                balance.paid().stream().map(Amount::of).toList());
    }
}
