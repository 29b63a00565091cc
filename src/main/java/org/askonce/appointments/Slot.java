package org.askonce.appointments;

import java.time.LocalDate;

/** A slot of a hall on a day ({@code HH:mm} to {@code HH:mm}) and how many can still book it. */
public record Slot(String hall, LocalDate date, String start, String end, int remaining) {
}
