package dev.mlpkit.training;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of an optimizer or a batching, read off the record that holds them.
 *
 * <p>A built-in or user-written optimizer is a record whose components are its settings ({@code learningRate},
 * {@code beta1}, ...). This class lists them ({@link #of}), prints them ({@link #describe}), and makes a copy with
 * some changed ({@link #with}) through the record's canonical constructor, which validates them. So a new optimizer
 * writes no code for its settings, and its name and settings can travel in a model file.
 */
public final class Settings {

    private Settings() {
    }

    /** The record's settings by name, in declaration order: numbers, booleans or text. */
    public static Map<String, Object> of(Object record) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (RecordComponent c : components(record)) {
            try {
                settings.put(c.getName(), c.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read setting " + c.getName() + " of " + record.getClass(), e);
            }
        }
        return settings;
    }

    /**
     * A copy of {@code prototype} with the settings in {@code changes} replaced. A value may be given as a number, a
     * boolean or text ({@code "0.01"}); an unknown name or a value the record rejects fails with a message that
     * names it.
     */
    public static <T> T with(T prototype, Map<String, ?> changes) {
        RecordComponent[] components = components(prototype);
        Map<String, Object> values = of(prototype);
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (!values.containsKey(change.getKey())) {
                throw new IllegalArgumentException(nameOf(prototype) + " has no setting '" + change.getKey()
                        + "': its settings are " + String.join(", ", values.keySet()));
            }
        }
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            Object value = changes.containsKey(name) ? changes.get(name) : values.get(name);
            arguments[i] = convert(prototype, name, value, types[i]);
        }
        try {
            Constructor<?> constructor = prototype.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            T copy = (T) constructor.newInstance(arguments);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException cause) {
                throw cause;
            }
            throw new IllegalStateException("cannot make " + nameOf(prototype) + " with " + changes, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(prototype.getClass() + " needs a public canonical constructor", e);
        }
    }

    /** {@code Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)}: the class and every setting. */
    public static String describe(Object record) {
        List<String> parts = new ArrayList<>();
        of(record).forEach((name, value) -> parts.add(name + "=" + format(value)));
        return record.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    }

    /** A number the way people write it: {@code 0.001}, {@code 1e-8}, {@code 100}. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            double magnitude = Math.abs(d);
            if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e7)) {
                String scientific = exact.toString().toLowerCase().replace("e+", "e");
                return scientific;
            }
            return exact.toPlainString();
        }
        return String.valueOf(value);
    }

    private static RecordComponent[] components(Object record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(record.getClass().getName()
                    + " is not a record: override settings() and withSettings(...) to describe its settings");
        }
        return components;
    }

    private static Object convert(Object prototype, String name, Object value, Class<?> type) {
        try {
            if (type == double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            }
            if (type == int.class) {
                return value instanceof Number n ? exactInt(n) : Integer.parseInt(value.toString().trim());
            }
            if (type == long.class) {
                return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            }
            if (type == boolean.class) {
                return value instanceof Boolean b ? b : parseBoolean(value.toString().trim());
            }
            return type == String.class ? value.toString() : type.cast(value);
        } catch (NumberFormatException | ClassCastException e) {
            throw new IllegalArgumentException("setting '" + name + "' of " + nameOf(prototype) + " must be a "
                    + type.getSimpleName() + ", not '" + value + "'", e);
        }
    }

    private static int exactInt(Number n) {
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new NumberFormatException(n.toString());
        }
        return (int) d;
    }

    private static boolean parseBoolean(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new NumberFormatException(text);
    }

    private static String nameOf(Object prototype) {
        return prototype.getClass().getSimpleName();
    }
}
