package dev.weir.api.serde;

/** A value could not be serialized or deserialized. The message says why; the pipeline's error policy decides what happens. */
public class SerdeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SerdeException(String message, Throwable cause) {
        super(message, cause);
    }

    public SerdeException(String message) {
        super(message);
    }
}
