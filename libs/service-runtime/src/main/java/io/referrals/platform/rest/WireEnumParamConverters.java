package io.referrals.platform.rest;

import io.referrals.events.WireEnum;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemResponses;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads enum query, path and header parameters by their wire value ({@code center_of_influence}), as the JSON
 * bodies do; an unknown value is a 400 naming the parameter and the values it takes, not the 404 that JAX-RS
 * would give a query parameter it cannot convert.
 */
@Provider
public class WireEnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !WireEnum.class.isAssignableFrom(rawType)) {
            return null;
        }
        return (ParamConverter<T>) new Converter(rawType, parameterName(annotations));
    }

    private static String parameterName(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .map(a -> a instanceof QueryParam q
                        ? q.value()
                        : a instanceof PathParam p ? p.value() : a instanceof HeaderParam h ? h.value() : null)
                .filter(n -> n != null)
                .findFirst()
                .orElse("parameter");
    }

    private record Converter<E extends Enum<E> & WireEnum>(Class<E> type, String name) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String constant = value.strip().toUpperCase(Locale.ROOT);
            for (E candidate : type.getEnumConstants()) {
                if (candidate.name().equals(constant)) {
                    return candidate;
                }
            }
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(WireEnum::json).collect(Collectors.joining(", "));
            throw new WebApplicationException(ProblemResponses.of(
                    Problem.validationFailed(List.of(new Problem.FieldError(name, "must be one of " + allowed)))));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.json();
        }
    }
}
