package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPMS is the guard of the module boundaries: code outside a module can use its {@code api}
 * package and nothing else, and a module requires only the modules below it. Compiles small probe
 * modules against the real module jars and reads the real module descriptors.
 */
class ModuleBoundariesTest {

    private static final String OURS = "dev.latchkey.";

    /** The allowed arrows (the house's dependency table); a module may require fewer, never others. */
    private static final Map<String, Set<String>> MAY_REQUIRE = Map.of(
            "platform", Set.of(), // the ground floor: nothing of ours
            "identity", Set.of("platform"),
            "education", Set.of("platform"),
            "credentials", Set.of("platform", "identity"),
            "nudges", Set.of("platform", "identity", "credentials", "education"),
            "insights", Set.of("platform", "identity", "credentials", "nudges", "education"),
            "federation", Set.of("platform", "identity", "credentials"),
            "app", Set.of("platform", "identity", "credentials", "nudges", "education", "insights", "federation"));

    /** Modules that export their api package (all but the app). */
    private static final Set<String> WITH_API = Set.of("platform", "identity", "credentials", "education", "nudges", "insights", "federation");

    @ParameterizedTest
    @ValueSource(strings = {"identity", "credentials", "education", "nudges", "insights", "federation"})
    void anotherModulesInternalPackageDoesNotCompile(String module) throws IOException {
        String internalPackage = OURS + module + ".internal";
        Result result = compileProbe(OURS + module, "import " + internalPackage + ".*;");
        assertThat(result.succeeded()).as(result.diagnostics()).isFalse();
        assertThat(result.diagnostics()).contains(internalPackage).contains("does not export");
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "identity", "credentials", "education", "nudges", "insights", "federation"})
    void theApiPackageCompiles(String module) throws IOException {
        Result result = compileProbe(OURS + module, "import " + OURS + module + ".api.*;");
        assertThat(result.succeeded()).as(result.diagnostics()).isTrue();
    }

    /**
     * Step-up is a type: a sensitive operation takes a {@code StepUpProof}, and only identity can
     * make one. Another module can neither construct it nor reach the maker in identity's internals.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "new dev.latchkey.identity.api.StepUpProof(null, null, null, null)",
        "dev.latchkey.identity.internal.ProofMint.install(null)",
    })
    void onlyIdentityMakesAStepUpProof(String attempt) throws IOException {
        Result result = compileProbe("dev.latchkey.identity", "", "Object forged() { return " + attempt + "; }");
        assertThat(result.succeeded()).as(result.diagnostics()).isFalse();
        assertThat(result.diagnostics()).containsAnyOf("has private access", "does not export", "is not visible");
    }

    @Test
    void aSensitiveOperationWithoutAProofDoesNotCompile() throws IOException {
        Result result = compileProbe("dev.latchkey.identity", "import dev.latchkey.identity.api.*;",
                "void strip(Passwords p, java.util.UUID account) { p.remove(account); }");
        assertThat(result.succeeded()).as(result.diagnostics()).isFalse();
        assertThat(result.diagnostics()).contains("StepUpProof");
    }

    @Test
    void everyModuleRequiresOnlyWhatTheTableAllows() {
        Map<String, ModuleDescriptor> ours = ourModules();
        assertThat(ours.keySet()).as("every module of ours is in the table")
                .isSubsetOf(MAY_REQUIRE.keySet())
                .contains("platform", "identity", "credentials", "education", "nudges", "insights", "federation", "app");
        ours.forEach((name, descriptor) -> {
            Set<String> required = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                    .filter(r -> r.startsWith(OURS)).map(r -> r.substring(OURS.length())).collect(Collectors.toSet());
            assertThat(required).as("%s requires", name).isSubsetOf(MAY_REQUIRE.get(name));
        });
    }

    @Test
    void eachModuleExportsItsApiPackageAndNothingElse() {
        ourModules().forEach((name, descriptor) -> {
            Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
            assertThat(exported).as("%s exports", name)
                    .isEqualTo(WITH_API.contains(name) ? Set.of(OURS + name + ".api") : Set.of());
            assertThat(descriptor.exports()).as("%s exports to everyone", name).noneMatch(ModuleDescriptor.Exports::isQualified);
        });
    }

    /** The module descriptors of ours on the test's module path, by short name. */
    private static Map<String, ModuleDescriptor> ourModules() {
        Path[] entries = Arrays.stream(modulePath().split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(Path::of).filter(Files::exists).toArray(Path[]::new);
        Map<String, ModuleDescriptor> ours = new TreeMap<>();
        for (Path entry : entries) {
            // One entry at a time: automatic modules elsewhere on the path cannot spoil the others.
            try {
                for (ModuleReference ref : ModuleFinder.of(entry).findAll()) {
                    String name = ref.descriptor().name();
                    if (name.startsWith(OURS)) {
                        ours.put(name.substring(OURS.length()), ref.descriptor());
                    }
                }
            } catch (RuntimeException notAModule) {
                // a jar whose automatic name is invalid: not ours
            }
        }
        return ours;
    }

    private static String modulePath() {
        return System.getProperty("jdk.module.path", System.getProperty("java.class.path"));
    }

    private record Result(boolean succeeded, String diagnostics) {
    }

    private static Result compileProbe(String requiredModule, String importLine) throws IOException {
        return compileProbe(requiredModule, importLine, "");
    }

    private static Result compileProbe(String requiredModule, String importLine, String members) throws IOException {
        Path dir = Files.createTempDirectory("probe");
        Path moduleInfo = Files.writeString(dir.resolve("module-info.java"),
                "module probe { requires " + requiredModule + "; }");
        Files.createDirectories(dir.resolve("probe"));
        Path type = Files.writeString(dir.resolve("probe/Probe.java"),
                "package probe;\n" + importLine + "\nclass Probe { " + members + " }\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null,
                List.of("--module-path", modulePath(), "-d", dir.resolve("out").toString(), "-proc:none"),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(moduleInfo.toFile(), type.toFile()))
                .call();
        return new Result(ok, out.toString());
    }
}
