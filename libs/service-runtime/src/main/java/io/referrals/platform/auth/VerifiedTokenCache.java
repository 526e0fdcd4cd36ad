package io.referrals.platform.auth;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers the bearer token of a request from {@link VerifiedTokens} when it was verified before and is still
 * acceptable; verifies it otherwise (Quarkus's own parser, every configured check) and keeps the result.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {
    private static final int CAPACITY = 10_000;

    @Inject
    @Delegate
    JWTParser parser;

    private final VerifiedTokens verified;

    @Inject
    VerifiedTokenCache(Clock clock, JWTAuthContextInfo context) {
        this.verified = new VerifiedTokens(clock, context.getTokenAge(), CAPACITY);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.find(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = parser.parse(token);
        verified.keep(token, checked);
        return checked;
    }
}
