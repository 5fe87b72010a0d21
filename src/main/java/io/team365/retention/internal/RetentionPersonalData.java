package io.team365.retention.internal;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** Retention's tables and the scheduler's hold rule settings, run reports and task names: nothing about a person. */
@Component
class RetentionPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("scheduled_tasks", "task_name", "a task's name"),
                new NotPersonal("scheduled_tasks", "task_instance", "a task instance's fixed name"),
                new NotPersonal("scheduled_tasks", "picked_by", "a server node's name"),
                new NotPersonal("retention_rules", "target_key", "a retention target's key"),
                new NotPersonal("retention_rules", "period", "an ISO-8601 period"),
                new NotPersonal("retention_runs", "trigger", "nightly or manual"),
                new NotPersonal("retention_run_results", "target_key", "a retention target's key"),
                new NotPersonal("retention_run_results", "action", "delete or anonymise"),
                new NotPersonal("retention_run_results", "period", "an ISO-8601 period"),
                new NotPersonal("retention_run_results", "error", "an exception's class name, never its message"));
    }
}
