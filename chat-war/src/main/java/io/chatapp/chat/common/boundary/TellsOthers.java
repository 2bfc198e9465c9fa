package io.chatapp.chat.common.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks requests whose change other people see live (a page read tells its sender, a new chat or a
 * group change tells its members, an edit or a reaction tells the chat): {@link TellsOthersFilter}
 * answers them only once those frames have left this instance.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface TellsOthers {}
