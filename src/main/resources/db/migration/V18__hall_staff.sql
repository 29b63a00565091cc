-- 窗口人员 (hall staff). The halls a hall-staff account works in (accounts module); an admin sees
-- every hall without rows here. Hall names are those of <knowledge-base>/appointments.yaml.
CREATE TABLE staff_hall (
    username VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    hall     VARCHAR(200) NOT NULL,
    CONSTRAINT staff_hall_one PRIMARY KEY (username, hall)
);

-- What hall staff record on a booking (appointments module): arrived or no-show, by whom and when
-- (an undo clears attendance and records who undid it and when); a booking the hall cancelled
-- because it closed the slot, with the reason and who closed it; notice_shown_at: a web citizen's
-- page showed that cancellation (each shown once).
ALTER TABLE appointment ADD COLUMN attendance VARCHAR(10);
ALTER TABLE appointment ADD COLUMN attendance_by VARCHAR(40);
ALTER TABLE appointment ADD COLUMN attendance_at TIMESTAMP;
ALTER TABLE appointment ADD COLUMN hall_reason VARCHAR(200);
ALTER TABLE appointment ADD COLUMN hall_cancelled_by VARCHAR(40);
ALTER TABLE appointment ADD COLUMN notice_shown_at TIMESTAMP;
ALTER TABLE appointment ADD CONSTRAINT appointment_attendance CHECK (attendance IS NULL OR attendance IN ('ARRIVED', 'NO_SHOW'));

-- A slot the hall closed (the window is unstaffed): it takes no booking while closed_at is set
-- (the booking's UPDATE of the counter checks it, so no booking slips in on any instance).
-- Reopening clears it; bookings cancelled by the closing stay cancelled.
ALTER TABLE appointment_slot ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE appointment_slot ADD COLUMN closed_by VARCHAR(40);
ALTER TABLE appointment_slot ADD COLUMN closed_reason VARCHAR(200);
CREATE INDEX appointment_by_hall ON appointment (hall, visit_date);
