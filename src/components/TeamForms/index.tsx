import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, Form } from '@nutui/nutui-react-taro'
import type { Department } from '../../../core/roles'
import { createTeamInput, joinTeamInput, updateProfileInput } from '../../../core/team/schemas'
import { DepartmentField, TextField } from '../fields'
import { FormErrors } from '../fields/feedback'
import './index.scss'

interface FormProps<V> {
  onSubmit: (values: V) => void
  submitting: boolean
  errors: Record<string, string>
  initialValues?: Partial<V>
}

/** The shape every team form shares: NutUI form, fields on top of their labels, one full-width submit. */
function TeamForm<V>(props: FormProps<V> & { submitClass: string; submitText: string; children: ReactNode }) {
  const [form] = Form.useForm()
  return (
    <FormErrors.Provider value={props.errors}>
      <Form
        className='team-form'
        form={form}
        labelPosition='top'
        initialValues={props.initialValues}
        onFinish={(values: V) => props.onSubmit(values)}
        footer={
          <View className='team-form__footer'>
            <Button className={props.submitClass} block type='primary' loading={props.submitting} onClick={() => form.submit()}>
              {props.submitText}
            </Button>
          </View>
        }
      >
        {props.children}
      </Form>
    </FormErrors.Provider>
  )
}

export interface CreateTeamValues {
  name: string
  memberName: string
  department: Department
}

/** 创建团队: the team's name and the creator's own profile (the creator becomes its admin). */
export function CreateTeamForm(props: FormProps<CreateTeamValues>) {
  return (
    <TeamForm {...props} submitClass='create-team-submit' submitText='创建团队'>
      <Form.Item label='团队名称' name='name' required>
        <TextField className='field-team-name' placeholder='例如：华东视频号运营组' schema={createTeamInput.shape.name} error={props.errors.name} />
      </Form.Item>
      <Form.Item label='你的姓名' name='memberName' required>
        <TextField className='field-member-name' placeholder='团队里大家怎么称呼你' schema={createTeamInput.shape.memberName} error={props.errors.memberName} />
      </Form.Item>
      <Form.Item label='所在部门' name='department' required>
        <DepartmentField className='field-department' error={props.errors.department} />
      </Form.Item>
    </TeamForm>
  )
}

export interface JoinTeamValues {
  code: string
  name: string
  department: Department
}

/** 加入团队: an 8-character invite code from an admin, plus the joiner's profile. */
export function JoinTeamForm(props: FormProps<JoinTeamValues>) {
  return (
    <TeamForm {...props} submitClass='join-team-submit' submitText='加入团队'>
      <Form.Item label='邀请码' name='code' required>
        <TextField className='field-invite-code' placeholder='8 位邀请码，向团队管理员索取' schema={joinTeamInput.shape.code} error={props.errors.code} />
      </Form.Item>
      <Form.Item label='你的姓名' name='name' required>
        <TextField className='field-member-name' placeholder='团队里大家怎么称呼你' schema={joinTeamInput.shape.name} error={props.errors.name} />
      </Form.Item>
      <Form.Item label='所在部门' name='department' required>
        <DepartmentField className='field-department' error={props.errors.department} />
      </Form.Item>
    </TeamForm>
  )
}

export interface ProfileValues {
  name: string
  department: Department
}

/** 编辑资料: the member's own name and department. */
export function ProfileForm(props: FormProps<ProfileValues>) {
  return (
    <TeamForm {...props} submitClass='profile-submit' submitText='保存'>
      <Form.Item label='姓名' name='name' required>
        <TextField className='field-member-name' placeholder='你的姓名' schema={updateProfileInput.shape.name} error={props.errors.name} />
      </Form.Item>
      <Form.Item label='所在部门' name='department' required>
        <DepartmentField className='field-department' error={props.errors.department} />
      </Form.Item>
    </TeamForm>
  )
}
