/**
 * What every module needs and no module owns: migrations and schema checks
 * ({@link dev.latchkey.platform.api.ModuleSchema}), readiness ({@link dev.latchkey.platform.api.ModuleReadiness}),
 * SHA-256 ({@link dev.latchkey.platform.api.Sha256}), the stored time ({@link dev.latchkey.platform.api.Timestamps})
 * and native row values ({@link dev.latchkey.platform.api.NativeColumns}).
 *
 * <p>What it does NOT do: own tables, hold state of its own beyond one module's schema check, or
 * know any domain (accounts, passkeys, nudges, articles). It declares no CDI beans: each module
 * keeps its own bean and uses these types inside it.
 */
package dev.latchkey.platform.api;
