/**
 * The working-day calendar (holidays, 调休) shared by the hand-off and appointments.
 */
@ApplicationModule(allowedDependencies = {})
package org.askonce.calendar;

import org.springframework.modulith.ApplicationModule;
