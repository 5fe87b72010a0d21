package io.team365.deals.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordLinks;
import io.team365.core.web.Texts;
import io.team365.deals.Deal;
import io.team365.deals.DealManagement;
import io.team365.deals.DealPage;
import io.team365.deals.DealQuery;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moving deals between stages from the board, and the deals panel other records' pages embed. A move answers the
 * board's script with JSON (the card's new version and every column's totals) and a plain form with a redirect.
 */
@Controller
class DealBoardController {

    private final DealManagement deals;
    private final PipelineManagement pipelines;
    private final DealViews views;
    private final RecordLinks records;
    private final MessageSource messages;

    DealBoardController(
            DealManagement deals,
            PipelineManagement pipelines,
            DealViews views,
            RecordLinks records,
            MessageSource messages) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.views = views;
        this.records = records;
        this.messages = messages;
    }

    @PostMapping("/deals/{id}/stage")
    ResponseEntity<Map<String, Object>> move(
            @PathVariable UUID id,
            @RequestParam(required = false) String stageId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = "Accept", required = false) String accept,
            @RequestParam(required = false) String back,
            HttpServletRequest request,
            Locale locale) {
        // the board's script sends the CSRF token as a header and asks for JSON; a plain form sends it as a field
        boolean script =
                (accept != null && accept.contains("application/json")) || request.getHeader("X-CSRF-TOKEN") != null;
        UUID stage = parse(stageId);
        String boardUrl = "/deals?pipelineId=";
        try {
            Deal moved = deals.moveToStage(id, stage, version, reason, Actors.of(request));
            if (!script) {
                String to = "deal".equals(back)
                        ? "/deals/" + id + "?done=moved"
                        : boardUrl + moved.pipelineId() + "&done=moved";
                return redirect(to);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("id", moved.id().toString());
            body.put("version", moved.version());
            body.put("stageId", moved.stageId().toString());
            body.put("status", moved.status().value());
            body.put(
                    "columns",
                    deals.totalsByStage(moved.pipelineId()).stream()
                            .map(t -> Map.of(
                                    "stageId", t.stageId().toString(),
                                    "count", t.count(),
                                    "countText", Texts.of(messages, "deals.count", new Object[] {t.count()}, locale),
                                    "totals", DealViews.totals(t.totals(), locale)))
                            .toList());
            return ResponseEntity.ok(body);
        } catch (InvalidInput invalid) {
            boolean needsReason =
                    invalid.errors().stream().anyMatch(e -> e.field().equals("lostReason"));
            if (!script) {
                return redirect(
                        needsReason ? "/deals/" + id + "?close=lost#close" : "/deals/" + id + "?done=move-refused");
            }
            InvalidInput.FieldError first = invalid.errors().getFirst();
            return problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    first.field(),
                    Texts.of(messages, first.messageKey(), first.args(), locale));
        } catch (PreconditionFailed stale) {
            if (!script) {
                return redirect("/deals/" + id + "?done=stale");
            }
            return problem(HttpStatus.CONFLICT, "version", Texts.of(messages, "deal.stale-move", null, locale));
        } catch (NotFound gone) {
            if (!script) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return problem(HttpStatus.NOT_FOUND, "id", Texts.of(messages, "deal.gone", null, locale));
        }
    }

    /** The deals of a company or contact, for that record's page. */
    @GetMapping("/deals/panel")
    String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model, Locale locale) {
        if (!List.of("company", "contact").contains(recordType)
                || records.find(recordType, recordId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean company = recordType.equals("company");
        DealPage page = deals.list(new DealQuery(
                null,
                null,
                null,
                null,
                null,
                company ? recordId : null,
                company ? null : recordId,
                null,
                false,
                "-updatedAt",
                null,
                50));
        Map<UUID, Pipeline> all =
                pipelines.list().stream().collect(Collectors.toMap(Pipeline::id, Function.identity()));
        model.addAttribute("cards", views.cards(page.deals(), all, locale));
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("newLink", "/deals/new?" + (company ? "companyId=" : "contactId=") + recordId);
        return "deals/panel";
    }

    private static ResponseEntity<Map<String, Object>> redirect(String to) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(to))
                .build();
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(Map.of("ok", false, "field", field, "message", message));
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
