package io.team365.views.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.views.SavedView;
import io.team365.views.ViewDefinition;
import io.team365.views.ViewManagement;
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

@RestController
@Tag(name = "Saved views")
class ViewApiController {

    /** A view as the API takes it: the object listed and what the view keeps. */
    record ViewInput(
            String object,
            String name,
            Boolean shared,
            List<String> columns,
            List<io.team365.core.paging.Filters.Condition> filters,
            String q,
            String sort) {

        ViewDefinition definition() {
            return new ViewDefinition(name, shared, columns, filters, q, sort);
        }
    }

    private final ViewManagement views;

    ViewApiController(ViewManagement views) {
        this.views = views;
    }

    @GetMapping("/api/v1/views")
    @Operation(
            summary =
                    "The caller's own and the shared views of a list (object: contact, company, lead, deal, activity)")
    ListPage<SavedView> list(@RequestParam(name = "filter[object]") String object) {
        return ListPage.complete(views.list(object));
    }

    @GetMapping("/api/v1/views/{id}")
    @Operation(summary = "One view")
    SavedView get(@PathVariable UUID id) {
        return views.get(id);
    }

    @PostMapping("/api/v1/views")
    @Operation(
            summary = "Save a view: columns, filters [{field, operator, value}] as the list's filter[...] parameters"
                    + " take them, q and sort; shared views are seen by the whole Client")
    @ApiResponse(responseCode = "201", description = "Saved")
    ResponseEntity<SavedView> create(@RequestBody ViewInput input, HttpServletRequest request) {
        SavedView view = views.save(input.object(), input.definition(), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/views/" + view.id())).body(view);
    }

    @PatchMapping("/api/v1/views/{id}")
    @Operation(summary = "Change a view you own (admins: any shared view); lists given replace the stored ones")
    SavedView update(@PathVariable UUID id, @RequestBody ViewInput input, HttpServletRequest request) {
        return views.update(id, input.definition(), Actors.of(request));
    }

    @DeleteMapping("/api/v1/views/{id}")
    @Operation(summary = "Delete a view you own (admins: any shared view)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        views.delete(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }
}
