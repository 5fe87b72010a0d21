package io.team365.views;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.core.paging.Filters;
import io.team365.core.web.ListState;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.views.internal.SavedViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving, listing and deleting list views. Anyone who can read a list can keep personal views; sharing a view, or
 * changing a shared one, needs a member who owns it, or an admin. The conditions are checked for shape here; the
 * list that applies a view checks them against its fields, so a view outliving a deleted custom field still opens.
 */
@Service
public class ViewManagement {

    public static final Set<String> OBJECTS = Set.of("contact", "company", "lead", "deal", "activity");
    private static final int MAX_VIEWS_PER_PERSON = 100;

    private final SavedViews views;
    private final AuditTrail audit;

    ViewManagement(SavedViews views, AuditTrail audit) {
        this.views = views;
        this.audit = audit;
    }

    public List<SavedView> list(String object) {
        checkObject(object);
        return views.visibleTo(SignedInUser.require().userId(), object);
    }

    public SavedView get(UUID id) {
        return views.find(id, SignedInUser.require().userId()).orElseThrow(() -> new NotFound("view"));
    }

    /**
     * The state a list page shows: with a saved view chosen, the view fills in whatever the address does not say
     * itself; a view that is gone (or not the reader's) is dropped and the address alone counts.
     */
    public ListState resolve(ListState state) {
        if (state.viewId() == null) {
            return state;
        }
        java.util.Optional<SavedView> view =
                views.find(state.viewId(), SignedInUser.require().userId());
        if (view.isEmpty()) {
            return new ListState(null, state.q(), state.sort(), state.columns(), state.filters(), null, true);
        }
        if (state.explicit()) {
            return state;
        }
        SavedView saved = view.get();
        return new ListState(
                saved.id(), saved.q(), saved.sort(), saved.columns(), saved.filters(), state.cursor(), false);
    }

    @Transactional
    public SavedView save(String object, ViewDefinition requested, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        checkObject(object);
        ViewDefinition view = checked(requested, user);
        if (views.countOwnedBy(user.userId(), object) >= MAX_VIEWS_PER_PERSON) {
            Validation.start()
                    .reject("name", "view.too-many", MAX_VIEWS_PER_PERSON)
                    .throwIfInvalid();
        }
        UUID id = Ids.newId();
        views.insert(user.tenant(), id, object, user.userId(), view);
        audit.record(user.tenant(), actor, "view.created", "view", id.toString(), Map.of());
        return get(id);
    }

    @Transactional
    public SavedView update(UUID id, ViewDefinition requested, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        SavedView current = changeable(id, user);
        ViewDefinition view = checked(
                new ViewDefinition(
                        requested.name() == null ? current.name() : requested.name(),
                        requested.shared() == null ? current.shared() : requested.shared(),
                        requested.columns(),
                        requested.filters(),
                        requested.q(),
                        requested.sort()),
                user);
        views.update(id, view);
        audit.record(user.tenant(), actor, "view.updated", "view", id.toString(), Map.of());
        return get(id);
    }

    @Transactional
    public void delete(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        SavedView view = changeable(id, user);
        views.delete(id);
        audit.record(user.tenant(), actor, "view.deleted", "view", id.toString(), Map.of());
    }

    /** Someone else's shared view is changed only by an admin; a read-only user may keep personal views only. */
    private SavedView changeable(UUID id, SignedInUser user) {
        SavedView view = get(id);
        boolean mine = view.ownerId().equals(user.userId());
        if (!mine && !user.role().atLeast(Role.ADMIN)) {
            throw new NotFound("view");
        }
        return view;
    }

    private ViewDefinition checked(ViewDefinition view, SignedInUser user) {
        Validation check = Validation.start();
        String name = check.text("name", view.name(), 100);
        boolean shared = Boolean.TRUE.equals(view.shared());
        if (shared && !user.role().atLeast(Role.MEMBER)) {
            check.reject("shared", "view.share-needs-member");
        }
        if (view.columns().size() > 40) {
            check.reject("columns", "view.too-many-columns", 40);
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < view.columns().size() && i < 40; i++) {
            String column = view.columns().get(i);
            if (column == null || !column.matches("[A-Za-z][A-Za-z0-9_.]{0,99}")) {
                check.reject("columns[" + i + "]", "view.column");
            } else if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        if (view.filters().size() > 20) {
            check.reject("filters", "filter.too-many", 20);
        }
        for (int i = 0; i < view.filters().size() && i < 20; i++) {
            Filters.Condition condition = view.filters().get(i);
            if (condition == null
                    || condition.field() == null
                    || !condition.field().matches("[A-Za-z][A-Za-z0-9_.]{0,99}")
                    || (condition.operator() != null && !condition.operator().matches("[a-z]{0,20}"))
                    || (condition.value() != null && condition.value().length() > 200)) {
                check.reject("filters[" + i + "]", "view.condition");
            }
        }
        String q = view.q() == null || view.q().isBlank() ? null : check.text("q", view.q(), 200);
        String sort = view.sort() == null || view.sort().isBlank()
                ? null
                : view.sort().strip();
        if (sort != null && !sort.matches("-?[A-Za-z][A-Za-z0-9_.]{0,99}")) {
            check.reject("sort", "view.sort");
        }
        check.throwIfInvalid();
        return new ViewDefinition(name, shared, columns, view.filters(), q, sort);
    }

    private static void checkObject(String object) {
        if (object == null || !OBJECTS.contains(object)) {
            Validation.start().reject("object", "view.object").throwIfInvalid();
        }
    }
}
