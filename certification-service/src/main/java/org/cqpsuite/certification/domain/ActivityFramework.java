package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * The activity framework (référentiel d'activités): the work situations, the activities carried out and the trades or
 * jobs targeted. Immutable; {@code null} lists are empty lists.
 */
public record ActivityFramework(List<String> workSituations, List<String> activities, List<TargetedJob> targetedJobs) {

    public ActivityFramework {
        workSituations = Values.list(workSituations);
        activities = Values.list(activities);
        targetedJobs = Values.list(targetedJobs);
    }
}
