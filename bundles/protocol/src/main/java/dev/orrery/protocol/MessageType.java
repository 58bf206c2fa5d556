package dev.orrery.protocol;

import java.util.function.Function;

/** The frame types, with their one-byte codes. Codes are part of the wire format: never reuse one. */
public enum MessageType {
    /** {@link Message.Register} */
    REGISTER(1, Message.Register::read),
    /** {@link Message.Welcome} */
    WELCOME(2, Message.Welcome::read),
    /** {@link Message.Hello} */
    HELLO(3, Message.Hello::read),
    /** {@link Message.Heartbeat} */
    HEARTBEAT(4, Message.Heartbeat::read),
    /** {@link Message.Task} */
    TASK(5, Message.Task::read),
    /** {@link Message.Ack} */
    ACK(6, Message.Ack::read),
    /** {@link Message.Result} */
    RESULT(7, Message.Result::read),
    /** {@link Message.Redirect} */
    REDIRECT(8, Message.Redirect::read),
    /** {@link Message.Report} */
    REPORT(9, Message.Report::read),
    /** {@link Message.Cancel} */
    CANCEL(10, Message.Cancel::read),
    /** {@link Message.Shed} */
    SHED(11, Message.Shed::read),
    /** {@link Message.Enroll} */
    ENROLL(12, Message.Enroll::read),
    /** {@link Message.Enrolled} */
    ENROLLED(13, Message.Enrolled::read),
    /** {@link Message.EnrollRefused} */
    ENROLL_REFUSED(14, Message.EnrollRefused::read),
    /** {@link Message.Revocations} */
    REVOCATIONS(15, Message.Revocations::read),
    /** {@link Message.Status} */
    STATUS(16, Message.Status::read),
    /** {@link Message.Records} */
    RECORDS(17, Message.Records::read),
    /** {@link Message.RecordsAck} */
    RECORDS_ACK(18, Message.RecordsAck::read);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Function<WireReader, Message> reader;

    MessageType(int code, Function<WireReader, Message> reader) {
        this.code = code;
        this.reader = reader;
    }

    /** @return the one-byte wire code */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code, 0–255
     * @return the type
     * @throws ProtocolException for an unknown code
     */
    public static MessageType ofCode(int code) {
        MessageType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new ProtocolException("unknown message type " + code);
        }
        return t;
    }

    Message read(WireReader r) {
        Message m = reader.apply(r);
        r.end();
        return m;
    }
}
