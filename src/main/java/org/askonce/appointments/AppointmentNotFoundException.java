package org.askonce.appointments;

/** No open booking with this code for this citizen (another citizen's code is not revealed either); the message is for the citizen. */
public class AppointmentNotFoundException extends RuntimeException {

    public AppointmentNotFoundException(String code) {
        super("没有找到预约号为“" + code + "”的有效预约");
    }
}
