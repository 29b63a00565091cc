package org.askonce.appointments;

/**
 * A booking is tomorrow: the citizen's channel ({@code web}, {@code wechat}) is to remind them with
 * {@code text}. Published once per booking, by the instance that claimed it.
 */
public record AppointmentReminderDue(String channel, String userId, Appointment appointment, String text) {
}
