package org.askonce.appointments;

import java.time.LocalDate;

/** A booked visit as the citizen sees it: its short code, the item, the hall, the day and the time ({@code HH:mm}). */
public record Appointment(String code, String item, String hall, LocalDate date, String start, String end) {
}
