package org.askonce.appointments;

/** Where a booking stands as hall staff see it. */
public enum BookingState {
    BOOKED("已预约"),
    ARRIVED("已到"),
    NO_SHOW("未到"),
    CANCELLED("已取消"),
    CANCELLED_BY_HALL("因故取消");

    private final String label;

    BookingState(String label) {
        this.label = label;
    }

    /** The Chinese word staff read. */
    public String label() {
        return label;
    }
}
