package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The practice's introduction kit (issue 28): the practice writes it, its partners read it in the portal. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IntroductionKitTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tenant = "practice-" + UUID.randomUUID();

    /** A kit with a story, two scripts and an email, all using placeholders. */
    private static ObjectNode kit() {
        ObjectNode kit = JSON.createObjectNode();
        kit.put("practiceName", "Blake Coaching");
        kit.put("overview", "Blake Coaching helps mid-career professionals.\nCall {practiceName}.");
        kit.put("idealClient", "Managers of 35 to 55");
        kit.putArray("successStories").add(item("A new start", "A manager found work that fits."));
        kit.putArray("scripts")
                .add(item("Over coffee", "Hi, it's {partnerFirstName}: have you met {practiceName}?"))
                .add(item("After a session", "Book at {bookingLink} or write to {intakeLink}."));
        ObjectNode email = item("Warm introduction", "Hi,\n\nMeet {practiceName}: {bookingLink}\n\n{partnerName}");
        email.put("subject", "Introducing {practiceName}");
        kit.putArray("introEmails").add(email);
        kit.put("bookingUrl", "https://blakecoaching.example/book");
        return kit;
    }

    private static ObjectNode item(String title, String body) {
        ObjectNode item = JSON.createObjectNode();
        item.put("title", title);
        item.put("body", body);
        return item;
    }

    private Response put(String tenantId, Object kit) {
        return as(tenantId, "owner").body(kit.toString()).put("/api/practice/kit");
    }

    private String stored(String tenantId) {
        return as(tenantId, "viewer")
                .get("/api/practice/kit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void thePracticeWritesItsKitAndItsItemsKeepTheirIdsWhileItEditsIt() {
        as(tenant, "viewer")
                .get("/api/practice/kit")
                .then()
                .statusCode(200)
                .body("scripts", hasSize(0))
                .body("updatedAt", nullValue());

        Response first = put(tenant, kit());
        first.then()
                .statusCode(200)
                .body("practiceName", equalTo("Blake Coaching"))
                .body("successStories", hasSize(1))
                .body("scripts.title", equalTo(List.of("Over coffee", "After a session")))
                .body("scripts[0].id", notNullValue())
                .body("introEmails[0].subject", equalTo("Introducing {practiceName}"))
                .body("bookingUrl", equalTo("https://blakecoaching.example/book"))
                .body("updatedAt", notNullValue());
        String coffee = first.path("scripts[0].id");
        String after = first.path("scripts[1].id");
        assertEquals(first.asString(), stored(tenant));

        // Reordered and edited: the kept script keeps its id, the one left out is gone, a new one gets a new id.
        ObjectNode edited = kit();
        ArrayNode scripts = edited.putArray("scripts");
        scripts.add(item("After a session, shorter", "Book at {bookingLink}.").put("id", after));
        scripts.add(item("At the gym", "{partnerName} recommends {practiceName}."));
        Response second = put(tenant, edited);
        second.then()
                .statusCode(200)
                .body("scripts[0].id", equalTo(after))
                .body("scripts[0].title", equalTo("After a session, shorter"))
                .body("scripts[1].id", notNullValue());
        assertNotEquals(coffee, second.path("scripts[1].id"));
        assertNotEquals(after, second.path("scripts[1].id"));
        assertEquals(second.asString(), stored(tenant));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        ObjectNode good = kit();
        Response saved = put(tenant, good);
        saved.then().statusCode(200);
        String before = stored(tenant);
        String scriptId = saved.path("scripts[0].id");
        String otherPracticesScript =
                put("practice-" + UUID.randomUUID(), kit()).path("scripts[0].id");

        refused(
                kit -> ((ObjectNode) kit.withArray("scripts").get(0)).put("body", "Hi {firstName}!"),
                "scripts[0].body",
                "unknown placeholder {firstName}");
        refused(kit -> kit.put("overview", "Dear {{partnerName}}"), "overview", "opens no placeholder");
        refused(
                kit -> ((ObjectNode) kit.withArray("introEmails").get(0)).put("subject", "Hi } there"),
                "introEmails[0].subject",
                "closes no placeholder");
        refused(kit -> kit.put("idealClient", "${partnerName.class}"), "idealClient", "unknown placeholder");
        refused(kit -> kit.put("overview", "x".repeat(4001)), "overview", "size");
        refused(
                kit -> ((ObjectNode) kit.withArray("scripts").get(0)).put("title", "t".repeat(201)),
                "scripts.title", // the platform names a bean-validated list element without its index
                "size");
        refused(kit -> kit.put("bookingUrl", "http://blakecoaching.example/book"), "bookingUrl", "https");
        refused(kit -> kit.put("bookingUrl", "javascript:alert(1)"), "bookingUrl", "https");
        refused(kit -> kit.put("bookingUrl", "https://user@blakecoaching.example/"), "bookingUrl", "https");
        refused(
                kit -> ((ObjectNode) kit.withArray("scripts").get(0)).put("id", otherPracticesScript),
                "scripts[0].id",
                "not one of this kit's scripts");
        refused(
                kit -> ((ObjectNode) kit.withArray("introEmails").get(0)).put("id", scriptId),
                "introEmails[0].id",
                "not one of this kit's introEmails");
        refused(
                kit -> {
                    ((ObjectNode) kit.withArray("scripts").get(0)).put("id", scriptId);
                    ((ObjectNode) kit.withArray("scripts").get(1)).put("id", scriptId);
                },
                "scripts[1].id",
                "twice");
        assertEquals(before, stored(tenant));
    }

    private void refused(Consumer<ObjectNode> change, String field, String message) {
        String before = stored(tenant);
        ObjectNode kit = kit();
        change.accept(kit);
        put(tenant, kit)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
        assertEquals(before, stored(tenant), "a refused kit changed nothing (" + field + ")");
    }

    @Test
    void aViewerReadsTheKitButOnlyOwnersAndMembersWriteIt() {
        as(tenant, "viewer")
                .body(kit().toString())
                .put("/api/practice/kit")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(tenant, "member")
                .body(kit().toString())
                .put("/api/practice/kit")
                .then()
                .statusCode(200);
        as(tenant, "viewer").get("/api/practice/kit").then().statusCode(200).body("scripts", hasSize(2));
        given().get("/api/practice/kit").then().statusCode(401);
    }

    @Test
    void aPartnerReadsTheirOwnPracticesKitAndNoOtherPracticesItem() {
        Response ours = put(tenant, kit());
        ours.then().statusCode(200);
        String otherTenant = "practice-" + UUID.randomUUID();
        Response theirs = put(otherTenant, kit().put("practiceName", "Another Practice"));
        String[] partner = PortalSignIns.signedInPartner(tenant, "Kit Reader");
        String session = partner[1];

        given().auth()
                .oauth2(session)
                .get("/api/portal/kit")
                .then()
                .statusCode(200)
                .body("practiceName", equalTo("Blake Coaching"))
                .body("scripts.id", equalTo(ours.path("scripts.id")))
                .body("introEmails[0].body", containsString("{bookingLink}"))
                .body("bookingUrl", equalTo("https://blakecoaching.example/book"));
        String script = ours.path("scripts[1].id");
        String email = ours.path("introEmails[0].id");
        given().auth()
                .oauth2(session)
                .get("/api/portal/kit/scripts/" + script)
                .then()
                .statusCode(200)
                .body("id", equalTo(script))
                .body("body", equalTo("Book at {bookingLink} or write to {intakeLink}."));
        given().auth()
                .oauth2(session)
                .get("/api/portal/kit/intro-emails/" + email)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Introducing {practiceName}"));

        // Another practice's items, an item of the other kind, and no item at all: not found.
        for (String path : List.of(
                "/api/portal/kit/scripts/" + theirs.path("scripts[0].id"),
                "/api/portal/kit/intro-emails/" + theirs.path("introEmails[0].id"),
                "/api/portal/kit/intro-emails/" + script,
                "/api/portal/kit/scripts/" + email,
                "/api/portal/kit/scripts/" + UUID.randomUUID())) {
            given().auth().oauth2(session).get(path).then().statusCode(404).contentType(PROBLEM);
        }

        // No session, a staff token, or a validly signed token of a session partner-service never started: 401.
        given().get("/api/portal/kit").then().statusCode(401).contentType(PROBLEM);
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .get("/api/portal/kit")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(PortalTokens.session(tenant, UUID.fromString(partner[0])))
                .get("/api/portal/kit")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }
}
