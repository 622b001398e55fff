import { DeleteOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { idCardProblem, isValidPhone } from '../idcard';

export interface PersonValues {
  name?: string;
  idCard?: string;
  phone?: string;
  address?: string;
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** A person's fields as the API takes them: trimmed, empty ones left out, the ID card upper-cased. */
export function personBody(p: PersonValues) {
  return {
    name: p.name!.trim(),
    idCard: trimmed(p.idCard)?.toUpperCase(),
    phone: trimmed(p.phone),
    address: trimmed(p.address),
  };
}

/**
 * One person of a Form.List (当事人, 信访人): 姓名 required; 身份证号 (GB 11643 check character) and
 * 联系电话 checked on blur; 住址. `role` is the module's own first field (身份, 代表 …).
 */
export function PersonFieldset(props: {
  /** The Form.List field's name. */
  name: number;
  index: number;
  noun: string;
  canRemove: boolean;
  onRemove: () => void;
  role?: ReactNode;
}) {
  const { name, index, noun } = props;
  return (
    <fieldset className="party-fieldset" aria-label={`第${index + 1}名${noun}`}>
      <Flex align="center" justify="space-between" className="party-fieldset-head">
        <Typography.Text strong>
          {noun} {index + 1}
        </Typography.Text>
        <Button
          type="text"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={props.onRemove}
          disabled={!props.canRemove}
          aria-label={`删除第${index + 1}名${noun}`}
        >
          删除
        </Button>
      </Flex>
      <Row gutter={16}>
        {props.role && (
          <Col xs={24} md={8}>
            {props.role}
          </Col>
        )}
        <Col xs={24} md={props.role ? 16 : 24}>
          <Form.Item
            name={[name, 'name']}
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: `请填写${noun}姓名` },
              { max: 50, message: '不超过50个字' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'idCard']}
            label="身份证号"
            validateTrigger="onBlur"
            rules={[
              {
                validator: (_, value?: string) => {
                  if (!value?.trim()) return Promise.resolve();
                  const problem = idCardProblem(value);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" placeholder="18位，选填" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'phone']}
            label="联系电话"
            validateTrigger="onBlur"
            rules={[
              {
                validator: (_, value?: string) =>
                  !value?.trim() || isValidPhone(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error('请填写正确的手机号或带区号的固定电话')),
              },
            ]}
          >
            <Input type="tel" inputMode="tel" autoComplete="off" placeholder="选填" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name={[name, 'address']}
            label="住址"
            rules={[{ max: 200, message: '不超过200个字' }]}
            style={{ marginBottom: 0 }}
          >
            <Input autoComplete="off" placeholder="选填" />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
