package dev.licensing.core;

import dev.licensing.core.importing.ImportListener;
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
                "LicenseSpringJson", "CatalogJson", "InvalidCatalogException", "DecodedOrder", "LifecycleJson",
                "VipMarketplace", "VipJson", "DecodedVipRequest", "VipOrderOptions", "VipOrderPage", "VipOrderQuery",
                "VipRenewalRun",
                "VipImportOutcome", "VipImportOutcome$Created", "VipImportOutcome$Skipped",
                "VipImportOutcome$Rejected");
    }

    /**
     * The engine's entry points and what an import asks of its listener, one by one: a new one is a deliberate
     * addition to the contract (issue 15 added the byte entry points, whose input may not be UTF-8, and the listener's
     * flush before each commit and its stop request, and the idempotency key beside a request; issue 12 the VIP Marketplace dialect's one home; issue 11 the lifecycle's operations).
     */
    @Test
    void theEngineAndTheImportListenerOfferTheseMethodsOnly() {
        assertThat(publicMethods(LicenseEngine.class)).containsExactlyInAnyOrder(
                "builder(LicenseStore)",
                "createOrder(String,OrderRequest)",
                "createOrder(String,OrderRequest,String)",
                "createOrderJson(String,String)",
                "createOrderJson(String,String,String)",
                "createOrderJson(String,byte[])",
                "createOrderJson(String,byte[],String)",
                "createOrders(String,List)",
                "importOrders(String,Iterator,ImportOptions,ImportListener)",
                "importOrders(String,InputStream,ImportOptions,ImportListener)",
                "findOrder(String,String)",
                "replaceCatalog(String,Catalog)",
                "catalog(String)",
                "vip()",
                "activate(String,Activate)", "check(String,Check)", "deactivate(String,Deactivate)",
                "transfer(String,Transfer)", "consume(String,Consume)", "borrow(String,Borrow)",
                "release(String,Release)");
        assertThat(publicMethods(ImportListener.class)).containsExactlyInAnyOrder(
                "onOutcome(ImportOutcome)", "flush()", "stopRequested()");
    }

    private static List<String> publicMethods(Class<?> type) {
        return Stream.of(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .map(m -> m.getName() + Stream.of(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toList());
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
