package io.referrals.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every service's code keeps, checked by one test per service:
 *
 * <ul>
 *   <li>dependencies point inward: {@code rest} and {@code messaging} use {@code service}; {@code service} uses
 *       {@code entity} (entities and their repositories) and {@code mapping} (events); the inner layers ({@code
 *       service}, {@code entity}, {@code mapping}, {@code messaging}) know no HTTP;
 *   <li>a resource answers with its own {@code rest} types (views), never a service's or an entity's;
 *   <li>one persistence rule (libs/service-runtime/README.md#persistence): entities through repositories, no
 *       active-record calls, no {@code EntityManager} outside the {@code entity} package, other SQL through {@code
 *       Sql} and never Hibernate's native queries;
 *   <li>time comes from the injected {@link Clock}; configuration from {@code @ConfigMapping} interfaces.
 * </ul>
 */
public final class ServiceArchitecture {
    private static final String REST = "..rest..";
    private static final String MESSAGING = "..messaging..";
    private static final String SERVICE = "..service..";
    private static final String MAPPING = "..mapping..";
    private static final String ENTITY = "..entity..";

    private ServiceArchitecture() {}

    /** Checks every rule against the main classes of the service whose code lives under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        CompositeArchRule.of(layers())
                .and(innerLayersKnowNoHttp())
                .and(resourcesUseServicesNotRepositories())
                .and(resourcesAnswerWithViews())
                .and(noNativeQueries())
                .and(entityManagerOnlyInRepositories())
                .and(noActiveRecord())
                .and(timeFromTheClock())
                .and(configurationByMapping())
                .check(classes);
    }

    static ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("REST")
                .definedBy(REST)
                .layer("Messaging")
                .definedBy(MESSAGING)
                .layer("Service")
                .definedBy(SERVICE)
                .layer("Mapping")
                .definedBy(MAPPING)
                .layer("Entity")
                .definedBy(ENTITY)
                .whereLayer("REST")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Messaging")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Service")
                .mayOnlyBeAccessedByLayers("REST", "Messaging")
                .whereLayer("Mapping")
                .mayOnlyBeAccessedByLayers("REST", "Service")
                .whereLayer("Entity")
                .mayOnlyBeAccessedByLayers("REST", "Service", "Mapping");
    }

    static ArchRule innerLayersKnowNoHttp() {
        return noClasses()
                .that()
                .resideInAnyPackage(SERVICE, ENTITY, MAPPING, MESSAGING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.referrals.platform.rest..")
                .because("services, repositories and mappers take domain types and commands, not HTTP requests");
    }

    static ArchRule resourcesUseServicesNotRepositories() {
        return noClasses()
                .that()
                .resideInAPackage(REST)
                .should()
                .dependOnClassesThat(assignableTo(PanacheRepositoryBase.class))
                .because("a resource calls a service, which owns the transaction and the rules");
    }

    static ArchRule resourcesAnswerWithViews() {
        DescribedPredicate<JavaClass> restOrPlatformType =
                new DescribedPredicate<>("a type of the rest package, the platform's or the JDK's") {
                    @Override
                    public boolean test(JavaClass type) {
                        String name = type.getName();
                        return type.isPrimitive()
                                || type.getPackageName().contains(".rest")
                                || name.startsWith("io.referrals.platform.")
                                || name.startsWith("java.")
                                || name.startsWith("jakarta.ws.rs.core.");
                    }
                };
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(REST)
                .and(new DescribedPredicate<JavaMethod>("answer an HTTP method") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return method.isMetaAnnotatedWith("jakarta.ws.rs.HttpMethod");
                    }
                })
                .should()
                .haveRawReturnType(restOrPlatformType)
                .because("a resource maps what a service returns to its own views, so the API's shape is written in"
                        + " one place and the service knows nothing of it");
    }

    static ArchRule noNativeQueries() {
        return noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a Hibernate native query of untyped rows") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        if (!call.getName().equals("createNativeQuery")
                                || !(call.getTargetOwner().isAssignableTo("jakarta.persistence.EntityManager")
                                        || call.getTargetOwner().isAssignableTo("org.hibernate.query.QueryProducer"))) {
                            return false;
                        }
                        // createNativeQuery(sql, Entity.class) loads managed entities: an entity load, which stays
                        // Hibernate's. Every other form answers untyped rows.
                        var parameters = call.getTarget().getRawParameterTypes();
                        return parameters.size() != 2 || !parameters.get(1).isEquivalentTo(Class.class);
                    }
                })
                .because("SQL that is not an entity's load or store goes through Sql, read into typed rows");
    }

    static ArchRule entityManagerOnlyInRepositories() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(ENTITY)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.referrals.platform.persistence.Sql")
                .because("queries, SQL included, live in repositories");
    }

    static ArchRule noActiveRecord() {
        Set<String> activeRecordMethods = Arrays.stream(PanacheEntityBase.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        return noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("an active-record method of an entity") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                                && activeRecordMethods.contains(call.getName());
                    }
                })
                .because("entities are stored and queried through their repositories only");
    }

    static ArchRule timeFromTheClock() {
        Set<String> timeTypes = Set.of(
                Instant.class.getName(),
                LocalDate.class.getName(),
                LocalDateTime.class.getName(),
                LocalTime.class.getName(),
                OffsetDateTime.class.getName(),
                ZonedDateTime.class.getName(),
                YearMonth.class.getName(),
                Year.class.getName());
        return noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a read of the system time") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        return (timeTypes.contains(owner) && name.equals("now"))
                                || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
                                || (owner.equals(Clock.class.getName()) && name.startsWith("system"));
                    }
                })
                .because("the time comes from the injected Clock, which tests set and step");
    }

    static ArchRule configurationByMapping() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
                .because("configuration is read through @ConfigMapping interfaces");
    }
}
