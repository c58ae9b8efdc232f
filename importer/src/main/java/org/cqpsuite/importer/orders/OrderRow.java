package org.cqpsuite.importer.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * One CQP/CQPI registered in the RNCP by an official order (arrêté), as transcribed in
 * {@code cqp_registered_rncp_arretes_2014.csv}: the order gives no RNCP code.
 *
 * @param orderDate the order's date, e.g. 2014-01-20
 * @param nor the order's NOR number, e.g. {@code ETSD1401196A}
 * @param position its row within the order, from 1
 * @param title the certification's title as the order gives it
 * @param cqpi whether the order registers it as an interbranch CQP
 * @param nsfCodes its NSF codes
 * @param years the length of the registration, in years
 * @param issuers the issuing CPNEs, as the order names them
 */
public record OrderRow(LocalDate orderDate, String nor, int position, String title, boolean cqpi,
        List<String> nsfCodes, int years, List<String> issuers) {

    public OrderRow {
        nsfCodes = List.copyOf(nsfCodes);
        issuers = List.copyOf(issuers);
    }

    /** The key of its certification in the suite: the order and the row, e.g. {@code arrete-2014-01-20/ETSD1401196A#3}. */
    public String externalReference() {
        return "arrete-" + orderDate + "/" + nor + "#" + position;
    }
}
