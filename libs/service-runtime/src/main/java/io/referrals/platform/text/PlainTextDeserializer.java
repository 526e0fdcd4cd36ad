package io.referrals.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Optional;

/**
 * Every string a service reads from JSON is held to {@link PlainText}: a field marked {@link MultiLine} may hold tabs
 * and line breaks, any other is one line. A refused string is an {@link InvalidFormatException} naming the character
 * (never echoing the value), which the problem mappers answer as a 400 on that field. JSON the service wrote itself and
 * reads back (a stored idempotent answer) is read with {@link #TRUSTED} set, and not checked.
 */
public final class PlainTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {
    /** A reader attribute: set to {@code true} for JSON this service wrote. */
    public static final String TRUSTED = PlainTextDeserializer.class.getName() + ".trusted";

    private final boolean multiLine;

    public PlainTextDeserializer() {
        this(false);
    }

    private PlainTextDeserializer(boolean multiLine) {
        super(String.class);
        this.multiLine = multiLine;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
        return multi == multiLine ? this : new PlainTextDeserializer(multi);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (Boolean.TRUE.equals(context.getAttribute(TRUSTED))) {
            return value;
        }
        Optional<String> refusal = PlainText.refusal(value, multiLine);
        if (refusal.isPresent()) {
            throw InvalidFormatException.from(parser, refusal.get(), null, String.class);
        }
        return value;
    }
}
