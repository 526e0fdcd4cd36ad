package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.partner.service.PartnerCsv;
import io.referrals.platform.csv.Csv;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerCsvResourceTest {
    private static final String CSV = "text/csv; charset=UTF-8";
    private final String tenant = "practice-" + UUID.randomUUID();

    private RequestSpecification csvAs(String tenantId, String role) {
        return given().auth().oauth2(DevTokens.token(tenantId, role)).contentType(CSV);
    }

    private String createPartner(String json) {
        return as(tenant, "owner")
                .body(json)
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static List<List<String>> parse(String text) {
        Csv.Reader reader = new Csv.Reader(text);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    @Test
    void importsTheValidRowsAndReportsEveryOtherRow() {
        String existing =
                createPartner("{\"name\":\"Existing\",\"email\":\"dup@example.com\",\"category\":\"client\"}");
        String csv = lines(
                "Name,EMAIL,category,Organization,tags,Alliance Types,stage,licensed,niches",
                "Ada Good,ada@example.com,professional,Ada Co,met at BNI; couples,referral;joint_venture,"
                        + "building_rapport,yes,career change",
                "Bad Email,not-an-email,client,,,,,,",
                ",noname@example.com,client,,,,,,",
                "Unknown Category,cat@example.com,astrologer,,,,,,",
                "Dup Existing,DUP@example.com,client,,,,,,",
                "Ben Good,ben@example.com,Center of Influence,,,,,,",
                "Ben Again,BEN@example.com,client,,,,,,",
                "Wrong Stage,ended@example.com,client,,,,ended,maybe,");

        JsonPath report = csvAs(tenant, "member")
                .body(csv)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();

        assertEquals(2, report.getInt("imported"));
        assertEquals(List.of(1, 6), report.getList("created.row"));
        String ada = report.getString("created[0].id");
        String ben = report.getString("created[1].id");
        assertEquals(List.of(5, 7), report.getList("skipped.row"));
        assertEquals(List.of("DUP@example.com", "BEN@example.com"), report.getList("skipped.email"));
        assertEquals(List.of(existing, ben), report.getList("skipped.existingPartnerId"));
        assertEquals(List.of(2, 3, 4, 8, 8), report.getList("errors.row"));
        assertEquals(List.of("email", "name", "category", "licensed", "stage"), report.getList("errors.field"));
        assertEquals(
                "must be one of client, professional, center_of_influence, organization, prospect, colleague, "
                        + "competitor, salesperson, serves_your_market, uncategorized",
                report.getString("errors[2].message"));

        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(3));
        as(tenant, "viewer")
                .get("/api/partners/" + ada)
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada Good"))
                .body("email", equalTo("ada@example.com"))
                .body("category", equalTo("professional"))
                .body("organization", equalTo("Ada Co"))
                .body("tags", equalTo(List.of("met at BNI", "couples")))
                .body("niches", equalTo(List.of("career change")))
                .body("allianceTypes", equalTo(List.of("referral", "joint_venture")))
                .body("stage", equalTo("building_rapport"))
                .body("licensed", equalTo(true))
                .body("nextCheckInDue", notNullValue());
        as(tenant, "viewer").get("/api/partners/" + ben).then().body("category", equalTo("center_of_influence"));
        as(tenant, "viewer")
                .get("/api/partners/" + ada + "/history")
                .then()
                .body("[0].to", equalTo("building_rapport"))
                .body("[0].note", equalTo("Imported from CSV"));

        KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());
        for (String id : List.of(ada, ben)) {
            List<CloudEvent> events = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 1, Duration.ofSeconds(30));
            assertEquals(
                    EventTypes.PARTNER_CREATED.cloudEventType(), events.get(0).type());
            assertEquals(tenant, events.get(0).tenantid());
            assertEquals(
                    UUID.fromString(id),
                    EventCodec.data(events.get(0), EventTypes.PARTNER_CREATED).partnerId());
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheReportAndCreatesNothing() {
        String csv = lines("name,category,email", "Rae,client,rae@example.com", "Sky,client,");
        String first = csvAs(tenant, "owner")
                .header("Idempotency-Key", "import-1")
                .body(csv)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .extract()
                .asString();
        Response retry = csvAs(tenant, "owner")
                .header("Idempotency-Key", "import-1")
                .body(csv)
                .post("/api/partners/import");
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(JsonPath.from(first).getMap(""), retry.jsonPath().getMap(""));
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(2));

        csvAs(tenant, "owner")
                .header("Idempotency-Key", "import-1")
                .body(lines("name,category", "Other,client"))
                .post("/api/partners/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(2));
    }

    @Test
    void refusesFilesItCannotReadAsAWhole() {
        csvAs(tenant, "owner")
                .body(lines("name,category,shoe size,Hat", "Dana,client,42,"))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("shoe size"))
                .body("detail", containsString("Hat"))
                .body("unknownColumns", equalTo(List.of("shoe size", "Hat")))
                .body("errors.field", hasItem("shoe size"));
        csvAs(tenant, "owner")
                .body(lines("name,email", "Dana,dana@example.com"))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("category"));
        csvAs(tenant, "owner")
                .body(lines("name,category,Name", "Dana,client,Dana"))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("Name"));
        csvAs(tenant, "owner")
                .body("")
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        csvAs(tenant, "owner")
                .body(lines("name,category"))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .body("type", containsString("empty-import"));
        csvAs(tenant, "owner")
                .body(lines("name,category", "", ","))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .body("type", containsString("empty-import"));
        csvAs(tenant, "owner")
                .body(lines("name,category", "\"Unclosed,client"))
                .post("/api/partners/import")
                .then()
                .statusCode(400)
                .body("type", containsString("malformed-csv"))
                .body("line", equalTo(2));
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(0));
    }

    @Test
    void refusesFilesOverTheLimits() {
        StringBuilder many = new StringBuilder("name,category\r\n");
        for (int i = 0; i <= 5_000; i++) {
            many.append("Partner ").append(i).append(",client\r\n");
        }
        csvAs(tenant, "owner")
                .body(many.toString())
                .post("/api/partners/import")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", containsString("import-too-large"))
                .body("maxRows", equalTo(5000));
        String big = lines("name,category,notes", "Big,client," + "x".repeat(2 * 1024 * 1024));
        csvAs(tenant, "owner").body(big).post("/api/partners/import").then().statusCode(413);
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(0));
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
        String csv = "\uFEFFname,category,organization,notes\r\n"
                + "\"Lee, Dana\",professional,\"The \"\"Best\"\" Counseling\",\"line one\r\nline two, with comma\"\r\n"
                + "Plain,client,,\"She said: \"\"call me\"\"\"\n"
                + "Last,client,No Line Break,";
        JsonPath report = csvAs(tenant, "owner")
                .body(csv)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("errors", empty())
                .extract()
                .jsonPath();
        assertEquals(List.of(1, 2, 3), report.getList("created.row"));

        as(tenant, "viewer")
                .get("/api/partners/" + report.getString("created[0].id"))
                .then()
                .body("name", equalTo("Lee, Dana"))
                .body("organization", equalTo("The \"Best\" Counseling"))
                .body("notes", equalTo("line one\r\nline two, with comma"));
        as(tenant, "viewer")
                .get("/api/partners/" + report.getString("created[1].id"))
                .then()
                .body("organization", equalTo(null))
                .body("notes", equalTo("She said: \"call me\""));
        as(tenant, "viewer")
                .get("/api/partners/" + report.getString("created[2].id"))
                .then()
                .body("organization", equalTo("No Line Break"));
    }

    @Test
    void exportsTheFilteredPartnersAndTheFileImportsIntoAnotherPractice() {
        String dana = createPartner("""
                {"name":"Dana Lee","email":"dana@example.com","category":"professional",
                 "organization":"Lee, \\"Best\\" Counseling","role":"LMFT","licensed":true,"phone":"+1 555 0100",
                 "website":"https://lee.example","notes":"line one\\nline two, with comma","tags":["a","b c"],
                 "niches":["couples"],"allianceTypes":["referral","joint_venture"],"stage":"building_rapport"}""");
        String omar = createPartner("{\"name\":\"Omar\",\"category\":\"professional\"}");
        createPartner("{\"name\":\"Cleo\",\"email\":\"cleo@example.com\",\"category\":\"client\"}");

        String exported = as(tenant, "viewer")
                .queryParam("category", "professional")
                .get("/api/partners/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"partners.csv\"")
                .extract()
                .asString();

        List<List<String>> records = parse(exported);
        assertEquals(PartnerCsv.EXPORTED, records.get(0));
        assertEquals(3, records.size(), exported);
        Map<String, String> first = row(records, 1);
        assertEquals(dana, first.get("id"));
        assertEquals("Dana Lee", first.get("name"));
        assertEquals("Lee, \"Best\" Counseling", first.get("organization"));
        assertEquals("line one\nline two, with comma", first.get("notes"));
        assertEquals("a;b c", first.get("tags"));
        assertEquals("referral;joint_venture", first.get("allianceTypes"));
        assertEquals("building_rapport", first.get("stage"));
        assertEquals("professional", first.get("category"));
        assertEquals("true", first.get("licensed"));
        assertEquals("source", first.get("relationship"));
        assertEquals("", first.get("fitScore"));
        assertEquals(omar, row(records, 2).get("id"));
        assertEquals("", row(records, 2).get("email"));

        String other = "practice-" + UUID.randomUUID();
        csvAs(other, "owner")
                .body(exported)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("errors", empty())
                .body("skipped", empty());
        String reExported = as(other, "viewer")
                .get("/api/partners/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<List<String>> copies = parse(reExported);
        assertEquals(3, copies.size(), reExported);
        for (int i = 1; i <= 2; i++) {
            for (String column : PartnerCsv.IMPORTED) {
                assertEquals(row(records, i).get(column), row(copies, i).get(column), column);
            }
            assertEquals(row(records, i).get("relationship"), row(copies, i).get("relationship"));
        }
    }

    @Test
    void formulaCellsAreNeutralisedAndAReimportRestoresThem() {
        createPartner("""
                {"name":"=HYPERLINK(\\"http://evil.example\\")","email":"f@example.com","category":"professional",
                 "organization":"@SUM(A1)","role":"-2+3","phone":"+1 555 0100","notes":"'=quoted already",
                 "tags":["+tag"]}""");

        String exported = as(tenant, "viewer")
                .get("/api/partners/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> cells = row(parse(exported), 1);
        assertEquals("'=HYPERLINK(\"http://evil.example\")", cells.get("name"));
        assertEquals("'@SUM(A1)", cells.get("organization"));
        assertEquals("'-2+3", cells.get("role"));
        assertEquals("'+1 555 0100", cells.get("phone"));
        assertEquals("''=quoted already", cells.get("notes"));
        assertEquals("'+tag", cells.get("tags"));

        String other = "practice-" + UUID.randomUUID();
        csvAs(other, "owner")
                .body(exported)
                .post("/api/partners/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1));
        as(other, "viewer")
                .get("/api/partners")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("=HYPERLINK(\"http://evil.example\")"))
                .body("items[0].organization", equalTo("@SUM(A1)"))
                .body("items[0].role", equalTo("-2+3"))
                .body("items[0].phone", equalTo("+1 555 0100"))
                .body("items[0].notes", equalTo("'=quoted already"))
                .body("items[0].tags[0]", equalTo("+tag"));
    }

    private static Map<String, String> row(List<List<String>> records, int index) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < records.get(0).size(); i++) {
            row.put(records.get(0).get(i), records.get(index).get(i));
        }
        return row;
    }

    @Test
    void viewersMayExportButNotImport() {
        createPartner("{\"name\":\"Seen\",\"category\":\"client\"}");
        assertEquals(
                2,
                parse(as(tenant, "viewer")
                                .get("/api/partners/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .size());
        csvAs(tenant, "viewer")
                .body(lines("name,category", "Sneaky,client"))
                .post("/api/partners/import")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "viewer").get("/api/partners").then().body("total", equalTo(1));
    }

    @Test
    void anExportShowsNothingOfAnotherPractice() {
        createPartner("{\"name\":\"Private\",\"email\":\"private@example.com\",\"category\":\"client\"}");
        String stranger = "practice-" + UUID.randomUUID();
        String exported = as(stranger, "owner")
                .get("/api/partners/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(List.of(PartnerCsv.EXPORTED), parse(exported));
        as(stranger, "owner")
                .queryParam("q", "private")
                .get("/api/partners/export")
                .then()
                .statusCode(200)
                .body(equalTo(Csv.record(PartnerCsv.EXPORTED)));
    }

    @Test
    void documentsTheCsvBodiesInOpenApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/partners/import'.post.operationId", equalTo("importPartners"))
                .body("paths.'/api/partners/import'.post.requestBody.content.'text/csv'.examples", notNullValue())
                .body(
                        "paths.'/api/partners/import'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("PartnerImportReport"))
                .body(
                        "paths.'/api/partners/import'.post.responses.'413'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/partners/export'.get.operationId", equalTo("exportPartners"))
                .body("paths.'/api/partners/export'.get.responses.'200'.content.'text/csv'", notNullValue())
                .body("paths.'/api/partners/{partnerId}/touchpoints'.post.operationId", equalTo("logTouchpoint"))
                .body("paths.'/api/partners/{partnerId}/touchpoints'.get.operationId", equalTo("listTouchpoints"))
                .body("components.schemas.PartnerImportReport.properties.skipped", notNullValue())
                .body("components.schemas.TouchpointKind.enum", hasItem("thank_you"));
    }
}
