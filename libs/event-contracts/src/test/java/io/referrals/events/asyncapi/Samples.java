package io.referrals.events.asyncapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Instances of the payload records built from sample values, to learn from the records themselves which components
 * they refuse to be null (their compact constructors' {@code requireNonNull}): those are the schemas' required ones.
 */
final class Samples {
    private Samples() {}

    /** An instance with every component set to a sample value. */
    static Object full(Class<?> record) {
        return construct(record, arguments(record));
    }

    /** An instance with every component that may be null set to null, and the others to sample values. */
    static Object minimal(Class<?> record) {
        Object[] arguments = arguments(record);
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (!required(record, i)) {
                arguments[i] = null;
            }
        }
        return construct(record, arguments);
    }

    /**
     * The names of the components the record refuses null for (a {@link NullPointerException} from its constructor),
     * and the primitive ones. A component another one makes necessary (an {@link IllegalArgumentException}, e.g. a
     * percent compensation's percent) is not required on its own.
     */
    static List<String> required(Class<?> record) {
        List<String> required = new ArrayList<>();
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (required(record, i)) {
                required.add(components[i].getName());
            }
        }
        return required;
    }

    private static boolean required(Class<?> record, int index) {
        RecordComponent component = record.getRecordComponents()[index];
        if (component.getType().isPrimitive()) {
            return true;
        }
        Object[] arguments = arguments(record);
        arguments[index] = null;
        try {
            construct(record, arguments);
            return false;
        } catch (NullPointerException e) {
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Object[] arguments(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = value(components[i].getType(), components[i].getGenericType());
        }
        return arguments;
    }

    private static Object construct(Class<?> record, Object[] arguments) {
        Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    static Object value(Class<?> type, Type generic) {
        if (type == String.class) {
            return "text";
        } else if (type == UUID.class) {
            return UUID.fromString("0b6f2d52-5d1e-4f53-9a8e-7f0c3b1f2a10");
        } else if (type == Instant.class) {
            return Instant.parse("2026-11-23T15:27:15.631076Z");
        } else if (type == LocalDate.class) {
            return LocalDate.parse("2026-11-23");
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("0.25");
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element));
        } else if (type.isRecord()) {
            return full(type);
        }
        throw new IllegalArgumentException("No sample value for " + type + ": teach Samples and PayloadSchemas it");
    }
}
