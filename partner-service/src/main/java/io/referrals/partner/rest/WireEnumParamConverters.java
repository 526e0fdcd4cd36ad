package io.referrals.partner.rest;

import io.referrals.events.WireEnum;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query and path parameters take enum values as they travel in JSON and as OpenAPI documents them (lower case,
 * e.g. {@code ?category=center_of_influence}), ignoring case. An unknown value is a 400 naming the allowed ones,
 * not the 404 JAX-RS gives for a query parameter it cannot convert.
 */
@Provider
public class WireEnumParamConverters implements ParamConverterProvider {

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !WireEnum.class.isAssignableFrom(rawType)) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                return Arrays.stream(rawType.getEnumConstants())
                        .filter(constant -> ((WireEnum) constant).json().equalsIgnoreCase(value.strip()))
                        .findFirst()
                        .orElseThrow(() -> new BadRequestException("'" + value + "' is not one of "
                                + Arrays.stream(rawType.getEnumConstants()).map(c -> ((WireEnum) c).json())
                                        .collect(Collectors.joining(", ")) + "."));
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((WireEnum) value).json();
            }
        };
    }
}
