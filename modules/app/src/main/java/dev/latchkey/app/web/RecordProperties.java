package dev.latchkey.app.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * How the pages' expressions read a record's component ({@code ${row.label}}): through its accessor,
 * looked up once per record class.
 *
 * <p>The views are records, and OGNL (Thymeleaf's expression language outside Spring) finds no
 * JavaBeans getter on them, so for every {@code row.label} it listed all the record's public methods
 * ({@code Class.getMethods()}, a copy of each) and compared their names, on every evaluation; reading
 * them here halved the account page's CPU (BENCHMARKS.md, change 12). A name that is not a component
 * (a method such as {@code list.size}, a getter) goes to OGNL's own accessor as before, so every
 * expression means what it meant.
 */
public final class RecordProperties extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent component : components) {
                    Method accessor = component.getAccessor();
                    // A record nested in a class that is not public: its accessors are public, but
                    // reflection still needs this to call them from here (Liberty runs the WAR on the
                    // class path, where it is allowed).
                    if (accessor.trySetAccessible()) {
                        accessors.put(component.getName(), accessor);
                    }
                }
            }
            return Map.copyOf(accessors);
        }
    };

    private static volatile boolean installed;

    /** Makes every OGNL evaluation of this application read records through {@link RecordProperties}. */
    public static void install() {
        if (!installed) {
            synchronized (RecordProperties.class) {
                if (!installed) {
                    OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
                    installed = true;
                }
            }
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method accessor = name instanceof String component ? ACCESSORS.get(target.getClass()).get(component) : null;
        if (accessor == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException e) {
            throw new OgnlException(name.toString(), e);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name.toString(), e.getCause());
        }
    }
}
