package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * A skills block (bloc de compétences): a coherent set of skills that can be assessed and certified on its own.
 * Immutable; a {@code null} list is an empty list.
 *
 * @param code free text of at most 32 characters, unique in its framework: real data has {@code BC01},
 *        {@code RNCP34486BC01}, {@code BC1}
 * @param title the block's name
 * @param skills its skills, at least one
 */
public record SkillsBlock(String code, String title, List<Skill> skills) {

    public SkillsBlock {
        skills = Values.list(skills);
    }
}
