/**
 * Booking a visit (预约办事): halls' slots, bookings made in the chat and by API, reminders, and the hall staff's page.
 */
@ApplicationModule(allowedDependencies = {"accounts", "calendar", "dialogue", "knowledge", "privacy"})
package org.askonce.appointments;

import org.springframework.modulith.ApplicationModule;
