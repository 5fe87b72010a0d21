package io.team365.privacy.web;

import io.team365.core.NotFound;
import io.team365.core.RecordLinks;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.privacy.SubjectRestrictions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The "lift the restriction" button of a restricted contact's or lead's page (admins only). */
@Controller
class RestrictionPageController {

    private final SubjectRestrictions restrictions;
    private final RecordLinks records;

    RestrictionPageController(SubjectRestrictions restrictions, RecordLinks records) {
        this.restrictions = restrictions;
        this.records = records;
    }

    @PostMapping("/privacy/restrictions/{recordType}/{recordId}/lift")
    String lift(@PathVariable String recordType, @PathVariable UUID recordId, HttpServletRequest request) {
        if (!SubjectRestrictions.TYPES.contains(recordType)
                || records.find(recordType, recordId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            restrictions.lift(SignedInUser.require().tenant(), recordType, recordId, Actors.of(request));
        } catch (NotFound notRestricted) {
            // lifted already (a second click, another admin): the page shows the record as it is
        }
        return "redirect:/" + recordType + "s/" + recordId;
    }
}
