package org.askonce.webchat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.askonce.appointments.Appointment;
import org.askonce.appointments.AppointmentNotFoundException;
import org.askonce.appointments.AppointmentRefusedException;
import org.askonce.appointments.Appointments;
import org.askonce.appointments.BookingRequest;
import org.askonce.appointments.Slot;
import org.askonce.dialogue.Channel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 预约办事 over HTTP. The slots are public; booking, listing and cancelling are the citizen of the
 * identity cookie (the same citizen as in the web chat, {@link CitizenAccess}), or a trusted
 * integration acting for a {@code userId}.
 */
@RestController
class AppointmentApiController {

    private final Appointments appointments;
    private final CitizenAccess access;

    AppointmentApiController(Appointments appointments, CitizenAccess access) {
        this.appointments = appointments;
        this.access = access;
    }

    /** The body of {@code POST /api/appointments}. */
    record BookingBody(String item, String hall, LocalDate date, String start, String phone) {
    }

    @GetMapping(path = "/api/appointments/slots", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Slot> slots(@RequestParam String item, @RequestParam(required = false) String hall) {
        return appointments.slots(item, hall);
    }

    @PostMapping(path = "/api/appointments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Appointment> book(@RequestBody BookingBody body, @RequestParam(required = false) String userId,
            HttpServletRequest http, HttpServletResponse response) {
        String citizen = citizen(access.writer(userId, http, response).userId());
        if (body == null) {
            throw new IllegalArgumentException("请给出要预约的事项、大厅、日期、时段和手机号");
        }
        Appointment booked = appointments.book(citizen, new BookingRequest(body.item(), body.hall(), body.date(), body.start(), body.phone()));
        return ResponseEntity.status(HttpStatus.CREATED).body(booked);
    }

    @GetMapping(path = "/api/appointments/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Appointment> mine(@RequestParam(required = false) String userId, HttpServletRequest http, HttpServletResponse response) {
        return access.reader(userId, http, response).map(u -> appointments.mine(citizen(u))).orElse(List.of());
    }

    /** The reminders of the citizen's bookings of today and tomorrow, each given once (the chat page shows them on the next visit). */
    @GetMapping(path = "/api/appointments/reminders", produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> reminders(@RequestParam(required = false) String userId, HttpServletRequest http, HttpServletResponse response) {
        return access.reader(userId, http, response).map(u -> appointments.webReminders(citizen(u))).orElse(List.of());
    }

    @DeleteMapping(path = "/api/appointments/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    Appointment cancel(@PathVariable String code, @RequestParam(required = false) String userId,
            HttpServletRequest http, HttpServletResponse response) {
        String citizen = citizen(access.writer(userId, http, response).userId());
        return appointments.cancel(citizen, code);
    }

    private static String citizen(String userId) {
        return Appointments.citizen(Channel.WEB.name(), userId);
    }

    @ExceptionHandler(AppointmentRefusedException.class)
    ResponseEntity<Map<String, String>> refused(AppointmentRefusedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(AppointmentNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(AppointmentNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(CitizenAccess.Refused.class)
    ResponseEntity<Map<String, String>> forbidden(CitizenAccess.Refused e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }
}
