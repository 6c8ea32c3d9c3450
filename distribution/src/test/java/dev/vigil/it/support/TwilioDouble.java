package dev.vigil.it.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local server speaking the parts of Twilio's REST API Vigil uses, with Twilio's JSON shapes, basic
 * authentication and error bodies: Messages create (Programmable Messaging) and Verify's verifications and
 * verification checks. Tests make it fail for one recipient (an error code, or a delay longer than Vigil's
 * timeout) and read what was "delivered". One instance per test run, started before the server that uses it.
 */
public final class TwilioDouble {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "vigil-it-auth-token";

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static TwilioDouble shared;

    private final Vertx vertx = Vertx.vertx();
    private final SecureRandom random = new SecureRandom();
    private final List<Sms> messages = new CopyOnWriteArrayList<>();
    private final Map<String, String> pendingVerifications = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final HttpServer server;

    private TwilioDouble() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.route().handler(this::authenticate);
        router.post("/2010-04-01/Accounts/:account/Messages.json").handler(this::createMessage);
        router.post("/v2/Services/:service/Verifications").handler(this::createVerification);
        router.post("/v2/Services/:service/VerificationCheck").handler(this::checkVerification);
        try {
            server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Twilio double did not start", e);
        }
    }

    public static synchronized TwilioDouble shared() {
        if (shared == null) {
            shared = new TwilioDouble();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.vertx::close));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Twilio answers requests for {@code to} with this error (code, HTTP status) until told otherwise. */
    public void failFor(String to, int twilioCode, int httpStatus) {
        behaviours.put(to, new Behaviour(twilioCode, httpStatus, Duration.ZERO));
    }

    /** Twilio answers requests for {@code to} only after {@code delay}. */
    public void delayFor(String to, Duration delay) {
        behaviours.put(to, new Behaviour(0, 0, delay));
    }

    /** SMS sent through Messages create to {@code to}, oldest first. */
    public List<Sms> messagesTo(String to) {
        return messages.stream().filter(sms -> sms.to().equals(to)).toList();
    }

    /** The code of the pending Verify verification of {@code to}, as the user's phone would show it. */
    public Optional<String> verificationCode(String to) {
        return Optional.ofNullable(pendingVerifications.get(to));
    }

    private void authenticate(RoutingContext context) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(context.request().getHeader("Authorization"))) {
            error(context, 20003, 401, "Authenticate");
            return;
        }
        context.next();
    }

    private void createMessage(RoutingContext context) {
        String to = context.request().getFormAttribute("To");
        respond(context, to, () -> {
            String sid = "SM" + hex();
            Sms sms = new Sms(to, context.request().getFormAttribute("From"),
                    context.request().getFormAttribute("MessagingServiceSid"), context.request().getFormAttribute("Body"));
            messages.add(sms);
            String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
            return new JsonObject()
                    .put("sid", sid).put("account_sid", context.pathParam("account"))
                    .put("to", to).put("from", sms.from()).put("messaging_service_sid", sms.messagingServiceSid())
                    .put("body", sms.body()).put("status", "queued").put("num_segments", "1").put("num_media", "0")
                    .put("direction", "outbound-api").put("api_version", "2010-04-01")
                    .put("date_created", now).put("date_updated", now).putNull("date_sent")
                    .putNull("price").put("price_unit", "USD").putNull("error_code").putNull("error_message")
                    .put("uri", "/2010-04-01/Accounts/" + context.pathParam("account") + "/Messages/" + sid + ".json")
                    .put("subresource_uris", new JsonObject().put("media",
                            "/2010-04-01/Accounts/" + context.pathParam("account") + "/Messages/" + sid + "/Media.json"));
        });
    }

    private void createVerification(RoutingContext context) {
        String to = context.request().getFormAttribute("To");
        respond(context, to, () -> {
            String code = String.format("%06d", random.nextInt(1_000_000));
            pendingVerifications.put(to, code);
            return verification(context, to, "pending", false)
                    .put("channel", context.request().getFormAttribute("Channel"));
        });
    }

    private void checkVerification(RoutingContext context) {
        String to = context.request().getFormAttribute("To");
        String code = context.request().getFormAttribute("Code");
        respond(context, to, () -> {
            String pending = pendingVerifications.get(to);
            if (pending == null) {
                return null;
            }
            boolean approved = pending.equals(code);
            if (approved) {
                pendingVerifications.remove(to);
            }
            return verification(context, to, approved ? "approved" : "pending", approved).put("channel", "sms");
        });
    }

    private JsonObject verification(RoutingContext context, String to, String status, boolean valid) {
        String service = context.pathParam("service");
        String sid = "VE" + hex();
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
        return new JsonObject().put("sid", sid).put("service_sid", service).put("account_sid", ACCOUNT_SID)
                .put("to", to).put("status", status).put("valid", valid).putNull("amount").putNull("payee")
                .put("date_created", now).put("date_updated", now)
                .put("url", "https://verify.twilio.com/v2/Services/" + service + "/Verifications/" + sid);
    }

    /** Answers with the recipient's behaviour: an error, a delay, or the normal body (null: Twilio's 404). */
    private void respond(RoutingContext context, String to, java.util.function.Supplier<JsonObject> body) {
        Behaviour behaviour = behaviours.get(to);
        Runnable answer = () -> {
            if (behaviour != null && behaviour.twilioCode() != 0) {
                error(context, behaviour.twilioCode(), behaviour.httpStatus(), "Error " + behaviour.twilioCode());
                return;
            }
            JsonObject json = body.get();
            if (json == null) {
                error(context, 20404, 404, "The requested resource " + context.request().path() + " was not found");
                return;
            }
            context.response().setStatusCode(context.request().path().endsWith("Check") ? 200 : 201)
                    .putHeader("Content-Type", "application/json").end(json.encode());
        };
        if (behaviour != null && !behaviour.delay().isZero()) {
            vertx.setTimer(behaviour.delay().toMillis(), id -> {
                if (!context.response().closed()) {
                    answer.run();
                }
            });
        } else {
            answer.run();
        }
    }

    private static void error(RoutingContext context, int code, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode());
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** One SMS as Twilio received it. */
    public record Sms(String to, String from, String messagingServiceSid, String body) {

        public String code() {
            return Outbox.codeOfSms(body);
        }
    }

    private record Behaviour(int twilioCode, int httpStatus, Duration delay) {
    }
}
