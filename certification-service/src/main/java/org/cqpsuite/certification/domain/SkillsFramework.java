package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * The skills framework (référentiel de compétences): skills and knowledge, transversal ones included, grouped in skills
 * blocks. Immutable; a {@code null} list is an empty list.
 */
public record SkillsFramework(List<SkillsBlock> blocks) {

    public SkillsFramework {
        blocks = Values.list(blocks);
    }
}
