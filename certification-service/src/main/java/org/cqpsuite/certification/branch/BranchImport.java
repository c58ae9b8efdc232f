package org.cqpsuite.certification.branch;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the real list of branches at every start: new agreements are added, changed ones updated, none deleted
 * (certifications may name an agreement that has since been replaced). Idempotent, so several instances may start
 * together.
 */
@ApplicationScoped
public class BranchImport {

    private static final Logger LOG = Logger.getLogger(BranchImport.class);

    /** Adds new agreements, updates changed ones, leaves identical ones untouched (no write, no dead tuple). */
    private static final String UPSERT = """
            INSERT INTO branch (idcc, label, kali_id, legal_state, in_force, title, url, search_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (idcc) DO UPDATE SET label = EXCLUDED.label, kali_id = EXCLUDED.kali_id,
                legal_state = EXCLUDED.legal_state, in_force = EXCLUDED.in_force, title = EXCLUDED.title,
                url = EXCLUDED.url, search_text = EXCLUDED.search_text
            WHERE (branch.label, branch.kali_id, branch.legal_state, branch.in_force, branch.title, branch.url)
                IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.kali_id, EXCLUDED.legal_state, EXCLUDED.in_force,
                    EXCLUDED.title, EXCLUDED.url)
            """;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "cqp.branches.resource", defaultValue = "data/idcc_2024-02-20.csv")
    String resource;

    void onStart(@Observes StartupEvent start) {
        BranchList.Parsed list = read();
        List<BranchList.Entry> entries = list.entries();
        list.skipped().forEach(note -> LOG.infof("Branch list %s: skipped %s", resource, note));
        int changed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (BranchList.Entry entry : entries) {
                    upsert.setString(1, entry.idcc());
                    upsert.setString(2, entry.label());
                    upsert.setString(3, entry.kaliId());
                    upsert.setString(4, entry.legalState());
                    upsert.setObject(5, entry.inForce(), java.sql.Types.BOOLEAN);
                    upsert.setString(6, entry.title());
                    upsert.setString(7, entry.url());
                    upsert.setString(8, BranchList.fold(entry.label()));
                    upsert.addBatch();
                }
                for (int count : upsert.executeBatch()) {
                    changed += Math.max(count, 0);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the branch list " + resource, e);
        }
        LOG.infof("Branch list %s: %d agreements, %d added or changed", resource, entries.size(), changed);
    }

    private BranchList.Parsed read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Branch list not found on the classpath: " + resource);
            }
            return BranchList.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the branch list " + resource, e);
        }
    }
}
