package org.askonce.accounts;

/** No account has this username (the API answers 404). */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String username) {
        super("没有用户名为“" + username + "”的用户");
    }
}
