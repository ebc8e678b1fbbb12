package dev.m365.wiring;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;

/**
 * The same object graph CDI builds, built without a container, for the fast lane ({@code dev.m365.launch}). It follows
 * the rules m365's beans are written to: one public constructor taking the dependencies; {@link Beans}' producer
 * methods for what is not a plain class; an explicit binding for interfaces and for {@code @All} lists. Dependencies
 * are singletons; {@link #create} (picocli's factory) makes a fresh command or mixin each time, as CDI's dependent
 * scope does.
 */
public final class PlainWiring implements CommandLine.IFactory {

    private final Map<Class<?>, Object> singletons = new HashMap<>();
    private final Map<Class<?>, Supplier<?>> bindings = new HashMap<>();
    private final Map<Class<?>, List<Class<?>>> implementations = new HashMap<>();
    private final Map<Class<?>, Method> producers = new HashMap<>();
    private final Beans beans = new Beans();

    public PlainWiring() {
        for (Method method : Beans.class.getDeclaredMethods()) {
            if (!method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                producers.put(method.getReturnType(), method);
            }
        }
        bindings.put(CommandLine.IFactory.class, () -> this);
    }

    /** Binds a type to what {@code supplier} gives (called once); wins over producers and constructors. */
    public <T> PlainWiring bind(Class<T> type, Supplier<? extends T> supplier) {
        bindings.put(type, supplier);
        return this;
    }

    /** What an {@code @All List<type>} injection point receives. */
    public PlainWiring bindAll(Class<?> type, List<Class<?>> classes) {
        implementations.put(type, List.copyOf(classes));
        return this;
    }

    /** The one instance of {@code type}. */
    public <T> T get(Class<T> type) {
        Object existing = singletons.get(type);
        if (existing == null) {
            existing = make(type);
            singletons.put(type, existing);
        }
        return type.cast(existing);
    }

    @Override
    public <K> K create(Class<K> type) {
        if (bindings.containsKey(type) || producers.containsKey(type)) {
            return get(type);
        }
        return construct(type);
    }

    private Object make(Class<?> type) {
        Supplier<?> binding = bindings.get(type);
        if (binding != null) {
            return binding.get();
        }
        Method producer = producers.get(type);
        if (producer != null) {
            producer.setAccessible(true);
            return call(() -> producer.invoke(beans, arguments(producer.getGenericParameterTypes())));
        }
        return construct(type);
    }

    private <T> T construct(Class<T> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalStateException("No binding for " + type.getName());
        }
        Constructor<?>[] constructors = type.getConstructors();
        Constructor<?> constructor = constructors.length == 1 ? constructors[0] : noArgs(type);
        return type.cast(call(() -> constructor.newInstance(arguments(constructor.getGenericParameterTypes()))));
    }

    private static Constructor<?> noArgs(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no single public constructor to inject", e);
        }
    }

    private Object[] arguments(Type[] parameters) {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = resolve(parameters[i]);
        }
        return values;
    }

    private Object resolve(Type parameter) {
        if (parameter instanceof ParameterizedType generic && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            List<Class<?>> classes = implementations.get(element);
            if (classes == null) {
                throw new IllegalStateException("No implementations bound for List<" + element.getName() + ">");
            }
            List<Object> all = new ArrayList<>();
            classes.forEach(c -> all.add(get(c)));
            return all;
        }
        if (parameter instanceof ParameterizedType generic) {
            return get((Class<?>) generic.getRawType());
        }
        return get((Class<?>) parameter);
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    private static Object call(Reflective reflective) {
        try {
            return reflective.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
