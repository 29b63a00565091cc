package org.askonce.accounts;

import java.util.List;

/**
 * The halls that take bookings, which hall staff can be assigned to. The appointments module
 * provides it (accounts does not depend on appointments: the dependency points the other way).
 */
@FunctionalInterface
public interface HallDirectory {

    /** Every bookable hall's name, in a stable order. */
    List<String> hallNames();
}
