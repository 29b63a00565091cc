package org.askonce.appointments;

import java.time.LocalDate;

/** What a citizen asks to book: the item, the hall, the day, the slot's start ({@code HH:mm}) and a mobile number. */
public record BookingRequest(String item, String hall, LocalDate date, String start, String phone) {
}
