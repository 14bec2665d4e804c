package dev.licensing.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's public surface is {@link LicenseEngine} with its builder and outcomes, the import types, the wire
 * codecs and the VIP Marketplace dialect ({@code dev.licensing.core.vip}): the module exports those packages only, and
 * they hold no other public type.
 */
class PublicSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Set<String> EXPORTED = Set.of(
            "dev.licensing.core", "dev.licensing.core.importing", "dev.licensing.core.wire", "dev.licensing.core.vip");

    @Test
    void theModuleExportsThePublicPackagesOnlyAndOpensTheSchemas() {
        ModuleDescriptor module = ModuleFinder.of(CLASSES).find("dev.licensing.core").orElseThrow().descriptor();

        assertThat(module.exports()).allMatch(export -> !export.isQualified())
                .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(EXPORTED);
        assertThat(module.opens()).extracting(ModuleDescriptor.Opens::source).containsExactly("schemas.licensespring");
        assertThat(module.packages()).filteredOn(p -> !EXPORTED.contains(p) && !p.startsWith("schemas."))
                .allMatch(p -> (p + ".").startsWith("dev.licensing.core.internal."));
    }

    @Test
    void theExportedPackagesHoldTheEngineTheImportTypesAndTheCodecsOnly() throws Exception {
        List<String> publicTypes = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name);
            if (EXPORTED.contains(type.getPackageName()) && Modifier.isPublic(type.getModifiers())) {
                publicTypes.add(type.getName().substring(type.getPackageName().length() + 1));
            }
        }

        assertThat(publicTypes).containsExactlyInAnyOrder(
                "LicenseEngine", "LicenseEngine$Builder", "OrderOutcome",
                "ImportListener", "ImportOptions", "ImportOutcome", "ImportOutcome$Created",
                "ImportOutcome$Skipped", "ImportOutcome$Rejected", "ImportSummary",
                "LicenseSpringJson", "CatalogJson", "InvalidCatalogException", "DecodedOrder",
                "VipMarketplace", "VipJson", "DecodedVipRequest", "VipOrderOptions", "VipOrderPage", "VipOrderQuery",
                "VipImportOutcome", "VipImportOutcome$Created", "VipImportOutcome$Skipped",
                "VipImportOutcome$Rejected");
    }

    private static List<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.map(f -> CLASSES.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.equals("module-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toList());
        }
    }
}
