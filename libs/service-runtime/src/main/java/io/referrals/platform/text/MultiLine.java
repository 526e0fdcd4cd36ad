package io.referrals.platform.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field that may hold several lines (notes, a message body, a signature): tab, line feed and carriage return
 * are allowed in it. Every other text field is one line, and every field refuses the rest of {@link PlainText}'s list.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {}
