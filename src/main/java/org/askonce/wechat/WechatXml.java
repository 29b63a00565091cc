package org.askonce.wechat;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.naming.NameCoder;
import com.thoughtworks.xstream.io.xml.XmlFriendlyNameCoder;
import com.thoughtworks.xstream.io.xml.XppReader;
import io.github.xstream.mxparser.MXParser;
import java.io.StringReader;
import me.chanjar.weixin.common.util.xml.XStreamInitializer;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Reads a WeChat message's XML into WxJava's {@link WxMpXmlMessage}, with WxJava's own XStream set-up
 * (its converters, annotations and type permissions, as {@code XStreamTransformer} registers them),
 * but each message on a pull parser of its own: XStream's {@code XppDriver} hands out parsers from a
 * {@code static synchronized} method, one lock for every request thread — under load 8 % of the
 * request threads' time was spent waiting for it. Like XStream's default, the parser reads no DTD
 * and resolves no entities.
 */
final class WechatXml {

    private static final XStream XSTREAM = configured();
    private static final NameCoder NAMES = new XmlFriendlyNameCoder();

    private WechatXml() {
    }

    private static XStream configured() {
        XStream x = XStreamInitializer.getInstance();
        x.processAnnotations(WxMpXmlMessage.class);
        x.processAnnotations(WxMpXmlMessage.class.getDeclaredClasses());
        return x;
    }

    /** The message in the XML (XStream's exceptions for XML it cannot read). */
    static WxMpXmlMessage message(String xml) {
        return (WxMpXmlMessage) XSTREAM.unmarshal(new XppReader(new StringReader(xml), new MXParser(), NAMES));
    }
}
