package org.askonce.wechat;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.springframework.stereotype.Component;

/**
 * Sends through WeChat's customer-service and template message APIs with WxJava; the simulator's demo account
 * delivers into the {@link SimulatorInbox} instead, since it has no WeChat behind it.
 */
@Component
class WxKefuSender implements KefuSender {

    private final WechatAccounts accounts;
    private final SimulatorInbox simulator;

    WxKefuSender(WechatAccounts accounts, SimulatorInbox simulator) {
        this.accounts = accounts;
        this.simulator = simulator;
    }

    @Override
    public void send(String appId, String openId, String text) throws SendFailure {
        WechatAccounts.Account account = account(appId);
        if (account.demo()) {
            simulator.deliver(openId, text);
            return;
        }
        call(() -> account.service().getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build()));
    }

    @Override
    public void sendTemplate(String appId, String openId, WechatTemplate template, String text, String clientMsgId) throws SendFailure {
        WechatAccounts.Account account = account(appId);
        if (account.demo()) {
            simulator.deliver(openId, text);
            return;
        }
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(openId).templateId(template.templateId())
                .url(template.url()).clientMsgId(clientMsgId).build();
        template.data().forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
        call(() -> account.service().getTemplateMsgService().sendTemplateMsg(message));
    }

    private WechatAccounts.Account account(String appId) throws SendFailure {
        return accounts.find(appId).orElseThrow(() -> new SendFailure(40013, "account " + appId + " is not configured"));
    }

    private interface WechatCall {
        void run() throws WxErrorException;
    }

    private static void call(WechatCall call) throws SendFailure {
        try {
            call.run();
        } catch (WxErrorException e) {
            // the message only: WxJava's exception text can carry the request URL with the access_token
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String msg = e.getError() == null ? "no answer from WeChat" : e.getError().getErrorMsg();
            throw new SendFailure(code == 0 ? -1 : code, code + " " + masked(msg));
        } catch (RuntimeException e) {
            throw new SendFailure(-1, e.getClass().getSimpleName() + " " + masked(e.getMessage()));
        }
    }

    /** A message with any access_token or secret in it masked. */
    static String masked(String message) {
        return message == null ? "" : message.replaceAll("(access_token|secret)=[^&\\s\"]+", "$1=***");
    }
}
