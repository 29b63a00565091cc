package org.askonce.accounts;

/** A new account's username is already in use (the API answers 409). */
public class UsernameTakenException extends IllegalArgumentException {

    public UsernameTakenException(String username) {
        super("用户名“" + username + "”已被使用");
    }
}
