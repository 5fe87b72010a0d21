package io.team365.customfields.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Custom field definitions; everyone may read them, owners and admins define them. */
@RestController
@Tag(name = "Custom fields")
class CustomFieldApiController {

    record Definition(String object, String key, String label, String type, List<String> options, Boolean required) {}

    record Change(String label, List<String> options, Boolean required) {}

    record Json(
            String id, String object, String key, String label, String type, List<String> options, boolean required) {
        static Json of(CustomField f) {
            return new Json(
                    f.id().toString(), f.object(), f.key(), f.label(), f.type().value(), f.options(), f.required());
        }
    }

    private final CustomFieldManagement fields;

    CustomFieldApiController(CustomFieldManagement fields) {
        this.fields = fields;
    }

    @GetMapping("/api/v1/custom-fields")
    @Operation(summary = "The custom fields defined, optionally for one object (contact, company, lead, deal)")
    ListPage<Json> list(@RequestParam(name = "filter[object]", required = false) String object) {
        return ListPage.complete(fields.list(object).stream().map(Json::of).toList());
    }

    @PostMapping("/api/v1/custom-fields")
    @Operation(
            summary = "Define a custom field: type text, number, date, bool, select, multiselect, url, email,"
                    + " phone or money; select types need options")
    @ApiResponse(responseCode = "201", description = "Defined")
    @ApiResponse(responseCode = "409", description = "The key is taken for this object")
    ResponseEntity<Json> define(@RequestBody Definition body, HttpServletRequest request) {
        CustomField field = fields.define(
                body.object(),
                body.key(),
                body.label(),
                body.type(),
                body.options(),
                body.required(),
                Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + field.id()))
                .body(Json.of(field));
    }

    @PatchMapping("/api/v1/custom-fields/{id}")
    @Operation(summary = "Change a field's label, options or whether it is required (not its key or type)")
    Json change(@PathVariable UUID id, @RequestBody Change body, HttpServletRequest request) {
        return Json.of(fields.change(id, body.label(), body.options(), body.required(), Actors.of(request)));
    }

    @DeleteMapping("/api/v1/custom-fields/{id}")
    @Operation(summary = "Delete a field; its values are removed from every record")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        fields.delete(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }
}
