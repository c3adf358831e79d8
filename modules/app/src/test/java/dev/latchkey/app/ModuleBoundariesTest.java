package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPMS is the guard of the module boundaries: code outside a module can use its {@code api}
 * package and nothing else. Compiles small probe modules against the real module jars.
 */
class ModuleBoundariesTest {

    @ParameterizedTest
    @CsvSource({
        "dev.latchkey.identity, dev.latchkey.identity.internal",
        "dev.latchkey.credentials, dev.latchkey.credentials.internal",
        "dev.latchkey.education, dev.latchkey.education.internal",
    })
    void anotherModulesInternalPackageDoesNotCompile(String module, String internalPackage) throws IOException {
        Result result = compileProbe(module, "import " + internalPackage + ".*;");
        assertThat(result.succeeded()).as(result.diagnostics()).isFalse();
        assertThat(result.diagnostics()).contains(internalPackage).contains("does not export");
    }

    @ParameterizedTest
    @CsvSource({
        "dev.latchkey.identity, dev.latchkey.identity.api",
        "dev.latchkey.credentials, dev.latchkey.credentials.api",
        "dev.latchkey.education, dev.latchkey.education.api",
    })
    void theApiPackageCompiles(String module, String apiPackage) throws IOException {
        Result result = compileProbe(module, "import " + apiPackage + ".*;");
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

    @org.junit.jupiter.api.Test
    void aSensitiveOperationWithoutAProofDoesNotCompile() throws IOException {
        Result result = compileProbe("dev.latchkey.identity", "import dev.latchkey.identity.api.*;",
                "void strip(Passwords p, java.util.UUID account) { p.remove(account); }");
        assertThat(result.succeeded()).as(result.diagnostics()).isFalse();
        assertThat(result.diagnostics()).contains("StepUpProof");
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
        String modulePath = System.getProperty("jdk.module.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null,
                List.of("--module-path", modulePath, "-d", dir.resolve("out").toString(), "-proc:none"),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(moduleInfo.toFile(), type.toFile()))
                .call();
        return new Result(ok, out.toString());
    }
}
