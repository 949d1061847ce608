package dev.mlpkit.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Named prototypes of one kind (optimizers, batchings), from which configured instances are made by name.
 *
 * <p>A plain class: the apps fill it from Guice {@code MapBinder}s, tests and library users fill it directly. Each
 * prototype carries the defaults of its settings; {@link #create} copies one with some settings changed.
 *
 * @param <T> what is registered
 */
public final class Registry<T> {

    private final String kind;
    private final Map<String, T> prototypes;

    /**
     * @param kind       what the entries are, for messages ({@code optimizer})
     * @param prototypes the entries by name; each name must be what {@code nameOf} says of its entry
     * @param nameOf     an entry's own name
     */
    public Registry(String kind, Map<String, ? extends T> prototypes, Function<? super T, String> nameOf) {
        this.kind = kind;
        Map<String, T> sorted = new LinkedHashMap<>(prototypes);
        for (Map.Entry<String, T> e : sorted.entrySet()) {
            if (!e.getKey().equals(nameOf.apply(e.getValue()))) {
                throw new IllegalArgumentException(kind + " registered as '" + e.getKey() + "' calls itself '"
                        + nameOf.apply(e.getValue()) + "'");
            }
        }
        this.prototypes = Collections.unmodifiableMap(sorted);
    }

    /** The registered entry called {@code name}, with its default settings. */
    public T get(String name) {
        T prototype = prototypes.get(name);
        if (prototype == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "': known are "
                    + String.join(", ", prototypes.keySet()));
        }
        return prototype;
    }

    /** The entry called {@code name} with the given settings changed from its defaults. */
    public T create(String name, Map<String, ?> settings) {
        return Settings.with(get(name), settings);
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(prototypes.keySet());
    }

    /** The registered entries by name. */
    public Map<String, T> prototypes() {
        return prototypes;
    }
}
